// Runs one state machine execution in aws-local-stepfunctions. Every Task state is answered by the local cloud:
// the runner posts {stateName, resource, input} to the callback URL and returns its result or throws its error, so
// Retry and Catch see the same error names AWS would raise.
// Usage: node run.mjs <request.json>; prints one JSON line {status, output | error + cause, events}.
import './polyfill.mjs';
import { readFile } from 'node:fs/promises';
import { StateMachine } from 'aws-local-stepfunctions';

const request = JSON.parse(await readFile(process.argv[2], 'utf8'));

function statesOfType(states, type, found = []) {
  for (const [name, state] of Object.entries(states)) {
    if (state.Type === type) found.push(name);
    const nested = state.ItemProcessor ?? state.Iterator;
    if (nested) statesOfType(nested.States, type, found);
    for (const branch of state.Branches ?? []) statesOfType(branch.States, type, found);
  }
  return found;
}

function allStates(states, found = {}) {
  for (const [name, state] of Object.entries(states)) {
    found[name] = state;
    const nested = state.ItemProcessor ?? state.Iterator;
    if (nested) allStates(nested.States, found);
    for (const branch of state.Branches ?? []) allStates(branch.States, found);
  }
  return found;
}

const definitionStates = allStates(request.definition.States);

function taskHandler(stateName) {
  return async (input) => {
    let answer;
    try {
      const response = await fetch(request.callbackUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ executionName: request.executionName, stateName, resource: definitionStates[stateName].Resource, input }),
      });
      answer = await response.json();
    } catch (unreachable) {
      answer = { ok: false, error: 'States.TaskFailed', cause: `The local cloud did not answer: ${unreachable.message}` };
    }
    if (answer.ok) return answer.result;
    const error = new Error(answer.cause ?? answer.error);
    error.name = answer.error;
    throw error;
  };
}

const overrides = { taskResourceLocalHandlers: {}, waitTimeOverrides: {}, retryIntervalOverrides: {} };
for (const name of statesOfType(request.definition.States, 'Task')) {
  overrides.taskResourceLocalHandlers[name] = taskHandler(name);
}
if (request.waitMilliseconds !== undefined && request.waitMilliseconds !== null) {
  for (const name of statesOfType(request.definition.States, 'Wait')) overrides.waitTimeOverrides[name] = request.waitMilliseconds;
}
if (request.retryMilliseconds !== undefined && request.retryMilliseconds !== null) {
  for (const name of Object.keys(definitionStates)) overrides.retryIntervalOverrides[name] = request.retryMilliseconds;
}

const machine = new StateMachine(request.definition, { validationOptions: { checkArn: false } });
const execution = machine.run(request.input, {
  overrides,
  context: { Execution: { Id: request.executionArn, Name: request.executionName, Input: request.input, StartTime: new Date().toISOString() } },
});

const events = [];
const collecting = (async () => {
  for await (const event of execution.eventLogs) events.push(event);
})();

let outcome;
try {
  const output = await execution.result;
  outcome = { status: 'SUCCEEDED', output };
} catch (failure) {
  const cause = failure.cause ?? failure;
  outcome = { status: 'FAILED', error: cause.name ?? 'States.Runtime', cause: cause.message ?? String(cause) };
}
await collecting;
process.stdout.write(JSON.stringify({ ...outcome, events }) + '\n');
