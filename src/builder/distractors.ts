// Wrong choices of the same kind as the answer: other people for a person, other places (cities for a
// city) for a place, dates of the same shape for a date. From the article first, nearest first, then
// made up in the same style (dates, numbers) or taken from a small built-in pool (names).

import type { Random } from '../domain/random.js';
import { temporalVariants, type DateShape } from './dates.js';
import { numberVariants, type NumberShape } from './numbers.js';
import { foldName, wordFinder } from './text.js';
import type { Entity, KeyType, Mention } from './types.js';
import { POOLS } from './vocabulary.js';

export interface DistractorSource {
  /** The article's entities by type, in order of first appearance. */
  byType: ReadonlyMap<KeyType, readonly Entity[]>;
  /** Every form of every entity in the article, folded: pool names must not collide with them. */
  allForms: ReadonlySet<string>;
  random: Random;
}

export function createDistractorSource(entities: readonly Entity[], random: Random): DistractorSource {
  const byType = new Map<KeyType, Entity[]>();
  const allForms = new Set<string>();
  for (const entity of entities) {
    const list = byType.get(entity.type) ?? [];
    list.push(entity);
    byType.set(entity.type, list);
    for (const form of entity.forms) allForms.add(foldName(form));
  }
  return { byType, allForms, random };
}

function numericValue(text: string): number | null {
  const match = /\d[\d,]*(?:\.\d+)?/.exec(text);
  if (match === null) return null;
  const scale = /billion/.test(text) ? 1e9 : /million/.test(text) ? 1e6 : /thousand/.test(text) ? 1e3 : 1;
  return Number(match[0].replace(/,/g, '')) * scale;
}

function poolFor(entity: Entity): readonly string[] {
  switch (entity.type) {
    case 'person':
      return POOLS.person;
    case 'organisation':
      return POOLS.organisation;
    case 'place':
      return entity.subtype === 'city' ? POOLS.city : entity.subtype === 'country' ? POOLS.country : entity.subtype === 'region' ? POOLS.region : POOLS.place;
    case 'date':
      return entity.subtype === 'relative' ? POOLS.relativeDate : [];
    default:
      return [];
  }
}

/**
 * Up to `count` wrong choices for `mention`'s entity, none of which appears in `prompt` or is another
 * way of writing the answer. `answer` is the text the question will show as the right choice.
 */
export function pickDistractors(source: DistractorSource, mention: Mention, answer: string, prompt: string, count: number, withThe = false): string[] {
  const entity = mention.entity;
  const picked: string[] = [];
  const seen = new Set<string>([...entity.forms, answer].map(foldName));
  const inPrompt = wordFinder(prompt);
  const answerForms = [...entity.forms, answer];
  const inAnswer = wordFinder(answerForms.join(' | '));
  const offer = (text: string, takesThe = false): void => {
    if (picked.length >= count) return;
    const folded = foldName(text);
    if (seen.has(folded) || folded === '' || inPrompt(text)) return;
    // "USGS Earthquake Science Center" is no wrong answer to "USGS": one name holds the other.
    if (entity.type !== 'date' && entity.type !== 'time' && entity.type !== 'number') {
      const inText = wordFinder(text);
      if (inAnswer(text) || answerForms.some((form) => inText(form))) return;
    }
    seen.add(folded);
    picked.push(withThe && takesThe ? `the ${text}` : text);
  };

  // From the article: the same subtype first, nearest in the text first.
  const sameType = (source.byType.get(entity.type) ?? []).filter((other) => other !== entity);
  const value = entity.type === 'number' ? numericValue(answer) : null;
  const near = (other: Entity): boolean => {
    if (entity.type === 'number') {
      const otherValue = numericValue(other.name);
      return other.subtype === entity.subtype && value !== null && otherValue !== null && otherValue / value <= 3 && value / otherValue <= 3;
    }
    if (entity.type === 'date' || entity.type === 'time') return other.subtype === entity.subtype;
    return true;
  };
  const ranked = sameType
    .filter(near)
    .sort((a, b) => Number(b.subtype === entity.subtype) - Number(a.subtype === entity.subtype) || Math.abs(a.first - entity.first) - Math.abs(b.first - entity.first) || a.first - b.first);
  // Take the nearest few, in a seeded order, so each seed can vary them.
  // Take the nearest few of the same subtype in a seeded order (so seeds vary them), then the others.
  const theOf = (other: Entity): boolean => (other.type === 'organisation' ? !/^\p{Lu}[\p{Lu}.&]+$/u.test(other.name) : other.takesThe);
  const same = ranked.filter((other) => other.subtype === entity.subtype);
  const rest = ranked.filter((other) => other.subtype !== entity.subtype);
  for (const group of [same, rest]) {
    for (const other of source.random.shuffle(group.slice(0, count + 2))) offer(other.name, theOf(other));
    for (const other of group.slice(count + 2)) offer(other.name, theOf(other));
  }

  // Made up in the same style.
  const pick = (n: number): number => source.random.int(n);
  if (entity.type === 'date' || entity.type === 'time') {
    for (const text of temporalVariants({ shape: (mention.dateShape ?? entity.subtype) as DateShape, text: answer }, count + 2, pick)) offer(text);
  }
  if (entity.type === 'number') {
    for (const text of numberVariants({ shape: (mention.numberShape ?? entity.subtype) as NumberShape, text: answer }, count + 2, pick)) offer(text);
  }
  // A small pool of generic names, none of which the article itself uses.
  for (const text of source.random.shuffle(poolFor(entity))) {
    if (!source.allForms.has(foldName(text))) offer(text, entity.type === 'organisation');
  }
  return picked;
}

/** Roles for "What is X's title?": the article's other titles, then a pool. */
export function pickRoleDistractors(source: DistractorSource, person: Entity, role: string, prompt: string, count: number): string[] {
  const picked: string[] = [];
  const seen = new Set<string>([foldName(role), ...person.titles.map(foldName)]);
  const inPrompt = wordFinder(prompt);
  const inRole = wordFinder(role);
  const offer = (text: string): void => {
    const folded = foldName(text);
    if (picked.length >= count || seen.has(folded) || inPrompt(text)) return;
    // "Director" is no wrong answer for a "Bureau Director".
    if (inRole(text) || wordFinder(text)(role)) return;
    seen.add(folded);
    picked.push(text);
  };
  for (const other of source.random.shuffle(source.byType.get('person') ?? [])) {
    if (other === person) continue;
    const title = [...other.titles].sort((a, b) => b.length - a.length)[0];
    if (title !== undefined && !/^(dr|mr|mrs|ms|prof)\.?$/i.test(title)) offer(title);
  }
  for (const text of source.random.shuffle(POOLS.role)) offer(text);
  return picked;
}
