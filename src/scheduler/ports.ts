import type { View } from '../views/view.js';

/** The outcome of one DM: delivered, refused for good (50007), or worth another try later. */
export type DmResult =
  | { ok: true; messageId: string; channelId: string }
  | { ok: false; kind: 'blocked'; error: string }
  | { ok: false; kind: 'retry'; error: string }
  | { ok: false; kind: 'fatal'; error: string };

/** Which flow a DM's buttons answer to, and the reference they carry (e.g. the workout id). */
export interface DmButtons {
  flow: 'workout' | 'assessment';
  ref: string;
}

/** One screen of a daily DM, transport-neutral: the adapter turns it into messages. */
export interface DmView {
  view: View;
  buttons?: DmButtons;
  /** A picture shown with the view (the weekly chart). */
  image?: { name: string; data: Buffer };
}

/**
 * The port the scheduler sends through. `render` turns a view into the messages the transport
 * will send (the ledger counts messages, so a crash resumes at the right one); `send` sends one,
 * and `nonce` makes a retried send land once.
 */
export interface DmSender<Message = unknown> {
  render(owner: string, dm: DmView): Message[];
  send(to: { userId: string; channelId: string | null }, message: Message, nonce: string): Promise<DmResult>;
}
