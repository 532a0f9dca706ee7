/** Wire types of the chat API as the widget sees them (see bot/channels/http). */
export type AnswerType = 'answer' | 'no_answer' | 'out_of_scope' | 'emergency' | 'smalltalk';

export interface Citation {
  n: number;
  title: string;
  url?: string;
  updated?: string;
}

export interface Contact {
  name: string;
  phone?: string;
  email?: string;
  url?: string;
  hours?: string;
}

export interface WidgetConfig {
  city?: string;
  botName?: string;
  website?: string;
  privacyNoticeUrl?: string;
  imprintUrl?: string;
  colors?: { primary?: string; onPrimary?: string };
  starterQuestions?: string[];
  languages?: string[];
  serviceCenter?: Contact;
  hotline?: { label: string; number: string; hours?: string };
}

export interface SourcesEvent {
  conversationId: string;
  messageId: string;
  answerType: AnswerType;
  citations: Citation[];
}

export interface EndEvent {
  conversationId: string;
  messageId: string;
  type: AnswerType;
  text: string;
  citations: Citation[];
  contact?: Contact;
}

/** One exchange half as kept in sessionStorage and shown in the log. */
export type Entry =
  | { role: 'user'; text: string }
  | {
      role: 'bot';
      messageId: string;
      type: AnswerType;
      text: string;
      citations: Citation[];
      contact?: Contact;
      rating?: 'up' | 'down';
    };
export type BotEntry = Extract<Entry, { role: 'bot' }>;
