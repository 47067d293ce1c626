// Starts the browser tests' scripted OpenAI-compatible model (web/e2e/fakeModel.mjs) for `run.sh model` and prints
// its base URL on the first line; runs until it is stopped.
import { startFakeModel } from '../../web/e2e/fakeModel.mjs';

const model = await startFakeModel();
console.log(model.baseUrl);
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => model.stop().then(() => process.exit(0)));
