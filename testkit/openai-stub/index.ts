export {
  startOpenAiStub,
  estimateTokens,
  messageText,
  promptText,
  DEFAULT_ANSWER,
  DEFAULT_MODELS,
} from './server.js';
export type {
  ChatRequest,
  ChatRequestBody,
  FinishReason,
  OpenAiStub,
  OpenAiStubOptions,
  RecordedRequest,
  StubErrorStatus,
  StubResponse,
} from './server.js';
export { Adversarial } from './adversarial.js';
export type { AdversarialKey } from './adversarial.js';
