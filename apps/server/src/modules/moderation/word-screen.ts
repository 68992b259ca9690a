import type { Conversation, Message, QueueItem } from '@tribu/protocol';
import type { SiteService } from '../sites/site.service.ts';
import { compileWords, type WordMatcher } from './blocked-words.ts';

/**
 * A site's blocked words, compiled once per version of its settings. The site row comes from the
 * cached SiteService, which every node drops at once on `sites.changed`: a list changed on one node
 * applies to the next message sent on any node.
 */
export class WordScreen {
  private readonly compiled = new Map<string, { words: readonly string[] | undefined; matcher: WordMatcher | null }>();

  constructor(
    private readonly sites: SiteService,
    /** The site of a conversation (a relayed message names only its conversation). */
    private readonly siteOf: (conversationId: string) => Promise<string | undefined>,
  ) {}

  async matcher(siteId: string): Promise<WordMatcher | null> {
    const words = (await this.sites.byId(siteId))?.settings.blockedWords;
    const hit = this.compiled.get(siteId);
    // The settings object is replaced whenever the site is read afresh: identity tells a new version.
    if (hit && hit.words === words) return hit.matcher;
    const matcher = compileWords(words ?? []);
    this.compiled.set(siteId, { words, matcher });
    return matcher;
  }

  /** The words of the site found in a visitor's text (empty: nothing to flag). */
  async find(siteId: string, text: string): Promise<string[]> {
    return (await this.matcher(siteId))?.find(text) ?? [];
  }

  /** Visitor messages as helpers see them: blocked words masked, the marker kept. */
  async messages(siteId: string, list: Message[]): Promise<Message[]> {
    const m = await this.matcher(siteId);
    if (!m) return list;
    return list.map((x) => (x.author === 'visitor' ? maskMessage(m, x) : x));
  }

  async conversation<T extends Pick<Conversation, 'siteId' | 'question'>>(c: T): Promise<T> {
    const m = await this.matcher(c.siteId);
    return m ? { ...c, question: m.mask(c.question) } : c;
  }

  async item(i: QueueItem): Promise<QueueItem> {
    return this.conversation(i);
  }

  /**
   * For the live relay, which must keep the order of facts: at once when this node already compiled
   * the site's words (it screened the question or message a moment ago), else a promise.
   */
  conversationNow<T extends Pick<Conversation, 'siteId' | 'question'>>(c: T): T | Promise<T> {
    const hit = this.compiled.get(c.siteId);
    if (!hit) return this.conversation(c);
    // Keeps this node's copy current for the next fact (the site row itself is cached, so this is cheap).
    this.matcher(c.siteId).catch(() => undefined);
    return hit.matcher ? { ...c, question: hit.matcher.mask(c.question) } : c;
  }

  /** A new message for the helpers' relay: only a flagged visitor message needs masking (then its site is looked up). */
  messageNow(x: Message): Message | Promise<Message> {
    if (x.author !== 'visitor' || !x.flagged) return x;
    return this.siteOf(x.conversationId).then(async (siteId) => {
      const m = siteId ? await this.matcher(siteId) : null;
      // Words removed since it was flagged: nothing left to mask, the marker stays for managers.
      return m ? { ...x, text: m.mask(x.text) } : x;
    });
  }
}

function maskMessage(m: WordMatcher, x: Message): Message {
  const text = m.mask(x.text);
  return text === x.text ? x : { ...x, text, flagged: true };
}
