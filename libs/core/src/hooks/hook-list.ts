/**
 * Handlers other contexts register on an event (a workflow step, a content change), run one after
 * the other in the event's transaction (a transaction is one connection); one that throws rolls it all back.
 */
export class HookList<E> {
  private readonly handlers: ((event: E) => Promise<void>)[] = [];

  add(handler: (event: E) => Promise<void>): void {
    this.handlers.push(handler);
  }

  async run(event: E): Promise<void> {
    for (const handler of this.handlers) await handler(event);
  }
}
