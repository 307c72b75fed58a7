// A fact's topic as an Anki tag, and back. Anki sorts a note's tags and folds their case in searches, so
// the first tag is no way to find the topic: it is the hierarchical tag `factdeck::topic::<topic>` (white
// space as underscores, since Anki splits tags on spaces). Files that do not have one (made elsewhere, or
// by an older factdeck) still give their first tag, as before.

export const TOPIC_TAG_PREFIX = 'factdeck::topic::';

/** "the_visit" -> "the visit": an underscore between two other characters stands for a space, so "__proto__" stays. */
function fromTag(tag: string): string {
  return tag.replace(/(?<=[^_\s])_(?=[^_\s])/g, ' ').trim();
}

/** The topic a note's tags stand for: its `factdeck::topic::` tag, else its first tag, else "imported". */
export function topicFromTags(tags: readonly string[]): string {
  const marked = tags.find((tag) => tag.toLowerCase().startsWith(TOPIC_TAG_PREFIX));
  const topic = fromTag(marked === undefined ? (tags.find((tag) => !tag.toLowerCase().startsWith('factdeck::')) ?? '') : marked.slice(TOPIC_TAG_PREFIX.length));
  return topic === '' ? 'imported' : topic;
}
