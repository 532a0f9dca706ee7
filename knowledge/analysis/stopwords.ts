import { foldWord } from './fold.js';

/**
 * Function words that carry no topic. Negations ("nicht", "kein…", "ohne") are deliberately
 * NOT stopwords: in short service passages they change the fact ("keine Gebühr",
 * "ohne Termin"), and BM25's idf already makes such frequent words cheap.
 * Question words and chat politeness ("bitte", "hallo") are dropped: every question has them.
 */
const GERMAN = `
aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes
auch auf aus bei beim bin bis bist bitte da dabei dadurch dafür dagegen daher dahin damit dann
daran darauf daraus darf darfst darin darüber darum darunter das dass daß dein deine deinem deinen
deiner deines dem den denen denn der deren des deshalb dessen dich die dies diese diesem diesen
dieser dieses dir doch dort du durch dürfen ein eine einem einen einer eines einige einigem einigen
einiger einiges einmal er es etwa etwas euch euer eure eurem euren eurer eures für gegen gewesen
gibt hab habe haben hallo hast hat hatte hatten hier hin hinter ich ihm ihn ihnen ihr ihre ihrem
ihren ihrer ihres im in indem ins ist ja jede jedem jeden jeder jedes jene jenem jenen jener jenes
jetzt kann kannst könnte könnten können könnt man manche manchem manchen mancher manches mein
meine meinem meinen meiner meines mich mir mit muss musst müssen möchte möchten nach nachdem
nein noch nun nur ob oder sehr sein seine seinem seinen seiner seines seid selbst sich sie sind so
solche solchem solchen solcher solches soll sollen sollte sollten sonst über um und uns unser
unsere unserem unseren unserer unseres unter viel vom von vor wann war waren warst warum was
weil welche welchem welchen welcher welches wenn wer werde werden werdet weshalb wie wieso wieder
will wir wird wirst wo woher wohin wollen wollte würde würden zu zum zur zwar zwischen danke dank
guten moin servus hi hey eigentlich gerne gern mal eben bzw usw ggf
`;

/** A small English list: citizens and staff sometimes ask in English. */
const ENGLISH = `
a about an and are as at be been by can could do does for from have how i if in into is it its me
my of on or please our should that the their them there these they this to was we what when where
which who why will with would you your hello hi thanks
`;

function toSet(...lists: string[]): Set<string> {
  const words = lists.flatMap((list) => list.split(/\s+/)).filter(Boolean);
  return new Set(words.map((word) => foldWord(word)));
}

/** Folded stopwords (German and English). */
export const STOPWORDS: ReadonlySet<string> = toSet(GERMAN, ENGLISH);

/** Whether a folded word is a stopword. */
export function isStopword(foldedWord: string): boolean {
  return STOPWORDS.has(foldedWord);
}
