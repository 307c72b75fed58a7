import { describe, expect, it } from 'vitest';
import { matchDeckId } from '../../src/domain/deck-match.js';

const ids = ['blinken-visit-beijing', 'lisbon-opens-europes-largest-floating-solar-farm-on-the-tagus', 'lisbon-transit'];

describe('--deck WORD', () => {
  it.each([
    ['blinken-visit-beijing', { id: 'blinken-visit-beijing' }],
    ['blinken', { id: 'blinken-visit-beijing' }],
    ['lisbon-o', { id: 'lisbon-opens-europes-largest-floating-solar-farm-on-the-tagus' }],
    ['lisbon', { ambiguous: ['lisbon-opens-europes-largest-floating-solar-farm-on-the-tagus', 'lisbon-transit'] }],
    ['blinken-vist-beijing', { near: ['blinken-visit-beijing'] }],
    ['blinkn', { near: ['blinken-visit-beijing'] }],
    ['lisbon-trnasit', { near: ['lisbon-transit'] }],
    ['tokyo', { near: [] }],
  ])('%s -> %j', (wanted, expected) => {
    expect(matchDeckId(ids, wanted)).toEqual(expected);
  });
});
