// The seam between the builder and its part-of-speech tagger. The builder asks three things of a tagger:
// the tags of the words of a text (the whole article, in one pass), what its lexicon knows of a word, and
// a verb's base form. The
// adapter for compromise takes the already-loaded library as an argument: only `factdeck build` pays for
// loading it (a dynamic import in the command), and this module imports nothing at run time.

export interface TaggedTerm {
  /** Offsets into the text that was tagged. */
  start: number;
  end: number;
  /** Shared with the tagger's own term: read, never change. */
  tags: ReadonlySet<string>;
}

export interface Tagger {
  /** The tags of the words of a text (a whole article at once); offsets relative to `text`, in order. */
  tagText(text: string): TaggedTerm[];
  /** The tags the lexicon gives a lower-case word (with their parents), or [] when it does not know it. */
  lexicon(word: string): readonly string[];
  /** The base form of a verb: "spoke" -> "speak", "holds" -> "hold". */
  infinitive(verb: string, tense: 'PastTense' | 'PresentTense'): string;
  /**
   * Whether a lower-case word is an everyday English word (a spell-checker's list, given by the shell), or
   * false for every word when no list was given.
   */
  englishWord(word: string): boolean;
}

const NO_TAGS: ReadonlySet<string> = new Set();

/** A compromise document: its steps computed on demand, its sentences read directly. */
interface CompromiseView {
  compute(steps: string[]): {
    /** The document's sentences, each a list of terms (compromise's own structure, read directly). */
    docs: Array<Array<{ tags?: Set<string>; offset?: { start: number; length: number } }>>;
  };
}

/** The little of compromise's API the adapter uses. */
export interface CompromiseLike {
  tokenize(text: string): CompromiseView;
  model(): {
    one: {
      lexicon: Record<string, string | string[] | undefined>;
      tagSet?: Record<string, { parents?: string[] } | undefined>;
    };
  };
  world(): {
    methods: {
      one?: { tokenize?: { fromString?: (text: string, world: unknown) => unknown } };
      two?: { transform?: { verb?: { toInfinitive?: (verb: string, model: unknown, tense?: string) => string } } };
    };
    compute?: Record<string, unknown>;
  };
}

/**
 * A tagger on compromise. Only its lexicon and pre-tagger run (not the whole grammar): they give the
 * builder what it needs at a fraction of the cost, so a long article stays quick.
 */
export function createCompromiseTagger(nlp: CompromiseLike, englishWord: (word: string) => boolean = () => false): Tagger {
  const englishCache = new Map<string, boolean>();
  const model = nlp.model();
  const lexicon = model.one.lexicon;
  const tagSet = model.one.tagSet ?? {};
  const world = nlp.world();
  const toInfinitive = world.methods.two?.transform?.verb?.toInfinitive;
  const lexiconCache = new Map<string, readonly string[]>();
  // compromise's tokenize() splits the text and normalises every term, then normalises every term again
  // (its "normal" step) before finding contractions. The adapter makes the document the same way with
  // that second pass left out: the same terms, the same tags, the text normalised once.
  const fromString = world.methods.one?.tokenize?.fromString;
  const View = (nlp.tokenize('') as unknown as { constructor?: unknown }).constructor;
  const parse =
    typeof fromString === 'function' && typeof View === 'function' && world.compute?.contractions !== undefined
      ? (text: string): CompromiseView => new (View as new (document: unknown) => CompromiseView)(fromString(text, world))
      : null;

  const withParents = (tags: readonly string[]): string[] => {
    const out = new Set<string>();
    for (const tag of tags) {
      out.add(tag);
      for (const parent of tagSet[tag]?.parents ?? []) out.add(parent);
    }
    return [...out];
  };

  return {
    tagText(text: string): TaggedTerm[] {
      const terms: TaggedTerm[] = [];
      // The terms are read where compromise keeps them: its JSON output would copy every one.
      const doc = parse === null || text === '' ? nlp.tokenize(text).compute(['lexicon', 'preTagger', 'offset']) : parse(text).compute(['alias', 'machine', 'contractions', 'lexicon', 'preTagger', 'offset']);
      for (const sentence of doc.docs) {
        for (const term of sentence) {
          if (term.offset === undefined) continue;
          terms.push({ start: term.offset.start, end: term.offset.start + term.offset.length, tags: term.tags ?? NO_TAGS });
        }
      }
      return terms;
    },
    lexicon(word: string): readonly string[] {
      const key = word.toLowerCase();
      let tags = lexiconCache.get(key);
      if (tags === undefined) {
        const raw = Object.prototype.hasOwnProperty.call(lexicon, key) ? lexicon[key] : undefined;
        tags = raw === undefined ? [] : withParents(Array.isArray(raw) ? raw : [raw]);
        lexiconCache.set(key, tags);
      }
      return tags;
    },
    englishWord(word: string): boolean {
      let known = englishCache.get(word);
      if (known === undefined) {
        known = englishWord(word);
        englishCache.set(word, known);
      }
      return known;
    },
    infinitive(verb: string, tense: 'PastTense' | 'PresentTense'): string {
      if (toInfinitive === undefined) return verb;
      const base = toInfinitive(verb.toLowerCase(), model, tense);
      return typeof base === 'string' && base !== '' ? base : verb;
    },
  };
}
