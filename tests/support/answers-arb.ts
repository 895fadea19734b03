// Moved to testkit/ so bench/ can share it; kept here so tests import from one familiar place.
export * from '../../testkit/answers-arb.js';
