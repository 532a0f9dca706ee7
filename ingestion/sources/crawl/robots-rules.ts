import robotsParserModule from 'robots-parser';

// robots-parser is CommonJS: Node hands its function over as the default import, while its
// typings describe an ES module whose `default` is that function.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

/** What one host's robots.txt says for this crawler. */
export interface HostRules {
  /** True when the URL may be fetched. */
  isAllowed(url: string): boolean;
  /** `Crawl-delay` in milliseconds, when set for this crawler (or `*`). */
  crawlDelayMs?: number;
  /** `Sitemap:` lines. */
  sitemaps: string[];
  /** Set when the robots.txt could not be read and the host is treated as disallowed. */
  unavailable?: string;
}

/** Fetches a robots.txt: the final status and text, or throws a short reason when unreachable. */
export type RobotsFetcher = (robotsUrl: string) => Promise<{ status: number; text: string }>;

/**
 * robots.txt per origin, fetched once (concurrent callers share the request). A 4xx means
 * "no rules" (allow all); a 5xx or an unreachable host means the host is disallowed, as
 * RFC 9309 asks, and the reason is kept so the crawl can report it.
 */
export class RobotsRules {
  private readonly byOrigin = new Map<string, Promise<HostRules>>();

  constructor(
    private readonly userAgent: string,
    private readonly fetchRobots: RobotsFetcher,
  ) {}

  /** The rules of the URL's origin, fetching its robots.txt on first use. */
  forUrl(url: string): Promise<HostRules> {
    const origin = new URL(url).origin;
    let rules = this.byOrigin.get(origin);
    if (!rules) {
      rules = this.load(origin);
      this.byOrigin.set(origin, rules);
    }
    return rules;
  }

  private async load(origin: string): Promise<HostRules> {
    const robotsUrl = `${origin}/robots.txt`;
    let response: { status: number; text: string };
    try {
      response = await this.fetchRobots(robotsUrl);
    } catch (error) {
      return disallowAll(`robots.txt not reachable: ${(error as Error).message}`);
    }
    if (response.status >= 500) return disallowAll(`robots.txt answered HTTP ${response.status}`);
    // 4xx, and redirects beyond the limit, mean "unavailable": RFC 9309 allows everything then.
    if (response.status >= 300) return { isAllowed: () => true, sitemaps: [] };

    const robot = robotsParser(robotsUrl, response.text);
    const delaySeconds = robot.getCrawlDelay(this.userAgent);
    return {
      // `undefined` means the URL belongs to another origin; such URLs get their own rules.
      isAllowed: (url) => robot.isAllowed(url, this.userAgent) !== false,
      crawlDelayMs: delaySeconds !== undefined && delaySeconds > 0 ? delaySeconds * 1000 : undefined,
      sitemaps: robot.getSitemaps(),
    };
  }
}

function disallowAll(reason: string): HostRules {
  return { isAllowed: () => false, sitemaps: [], unavailable: reason };
}
