import fs from 'node:fs';
import path from 'node:path';
import * as table from '../../plugins/editorial-workflow/server/src/state-machine';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { renderWorkflowPage } = require('../../scripts/workflow-diagram.js');

const root = path.resolve(__dirname, '..', '..');

test('docs/workflow.md matches the transition table', () => {
  const page = fs.readFileSync(path.join(root, 'docs', 'workflow.md'), 'utf8');
  expect(page).toBe(renderWorkflowPage(table));
});

test('every state is reachable from draft', () => {
  const reached = new Set<string>(['draft']);
  let grew = true;
  while (grew) {
    grew = false;
    for (const event of table.EVENT_NAMES) {
      const transition = table.TRANSITIONS[event];
      if (transition.to === table.UNCHANGED) continue;
      if (transition.from.some((state: string) => reached.has(state)) && !reached.has(transition.to)) {
        reached.add(transition.to);
        grew = true;
      }
    }
  }
  expect([...reached].sort()).toEqual([...table.STATES].sort());
});

test('every publishing event needs a second pair of eyes', () => {
  for (const event of table.EVENT_NAMES) {
    const transition = table.TRANSITIONS[event] as table.Transition;
    if (transition.effect === 'publish') expect(transition.secondPairOfEyes).toBe(true);
  }
});
