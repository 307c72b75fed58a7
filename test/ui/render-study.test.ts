import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/domain/random.js';
import { presentQuestion } from '../../src/domain/selection.js';
import { frontQuestion, renderCardSides } from '../../src/ui/render-study.js';
import { createStyle } from '../../src/ui/style.js';
import { choiceQuestion, cloze, fact, orderQuestion } from '../helpers/builders.js';

const plainStyle = createStyle(false);
const city = fact({ id: 'f-city', statement: 'Blinken will visit Beijing.', quote: 'Blinken will visit Beijing', topic: 'visit' });
const choice = choiceQuestion({ factId: 'f-city', prompt: 'Which city?', choices: ['Beijing', 'Bali', 'Tokyo', 'Seoul'], answer: 'Beijing' });

describe('renderCardSides', () => {
  it('shows the choices of the front in the order they were presented, not as the deck stores them', () => {
    const fronts = new Set<string>();
    for (let seed = 1; seed <= 20; seed += 1) {
      const presented = presentQuestion(choice, createRandom(seed));
      const { front } = renderCardSides(city, presented, null, plainStyle, true);
      expect(front.split('\n')).toEqual(['Which city?', ...presented.options.map((option, i) => `  ${i + 1}) ${option}`)]);
      fronts.add(front);
    }
    // Twenty seeds put the answer first only by chance, not always.
    expect([...fronts].filter((front) => front.includes('1) Beijing')).length).toBeLessThan(fronts.size);
  });

  it('shows an ordering never in its right order, and a typed front without options', () => {
    const order = orderQuestion({ factId: 'f-city', items: ['b', 'a', 'c'], answer: ['a', 'b', 'c'] });
    for (let seed = 1; seed <= 10; seed += 1) {
      const { front } = renderCardSides(city, presentQuestion(order, createRandom(seed)), null, plainStyle, true);
      expect(front).not.toContain('1) a\n  2) b\n  3) c');
    }
    const typed = cloze({ factId: 'f-city', prompt: 'Blinken will visit _____.', answer: 'Beijing' });
    expect(renderCardSides(city, presentQuestion(typed, createRandom(1)), null, plainStyle, true).front).toBe('Blinken will visit _____.');
  });

  it('asks what the article says when the fact has no question, and puts the answer on the back', () => {
    expect(renderCardSides(city, null, null, plainStyle, true).front).toBe('What does the article say? (visit)');
    expect(frontQuestion(city, [choice])).toBe(choice);
    expect(renderCardSides(city, presentQuestion(choice, createRandom(3)), null, plainStyle, true).back).toContain('Answer: Beijing');
  });

  it('says the fact once on the back where it is the source sentence word for word, and both where they differ', () => {
    const presented = presentQuestion(choice, createRandom(3));
    const same = renderCardSides(city, presented, 'Blinken will visit Beijing.', plainStyle, true).back.split('\n');
    expect(same.filter((line) => line.startsWith('Fact:'))).toEqual([]);
    expect(same.some((line) => line.startsWith('Source:'))).toBe(true);
    const other = renderCardSides(city, presented, 'Officials said on Monday that Blinken will visit Beijing.', plainStyle, true).back;
    expect(other).toContain('Fact: Blinken will visit Beijing.');
  });
});
