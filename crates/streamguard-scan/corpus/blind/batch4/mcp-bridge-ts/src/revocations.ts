import { EventEmitter } from 'node:events';

// Fed by the admin webhook (POST /revocations on the ops port); pushes to every live session.
export class RevocationBus extends EventEmitter {
  private readonly jtis = new Set<string>();
  private readonly subs = new Set<string>();

  constructor() {
    super();
    this.setMaxListeners(0);
  }

  revokeJti(jti: string): void {
    this.jtis.add(jti);
    this.emit('revoked', { jti });
  }

  revokeSub(sub: string): void {
    this.subs.add(sub);
    this.emit('revoked', { sub });
  }

  isRevoked(jti: string | undefined, sub: string): boolean {
    return (jti !== undefined && this.jtis.has(jti)) || this.subs.has(sub);
  }
}
