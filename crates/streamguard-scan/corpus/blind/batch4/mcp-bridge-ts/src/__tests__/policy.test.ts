import { describe, expect, it } from 'vitest';
import { authorizeToolCall } from '../policy.js';

const claims = { sub: 'alice', exp: Math.floor(Date.now() / 1000) + 60, scope: 'files:read docs:read' };

describe('authorizeToolCall', () => {
  it('allows a tool covered by the scope', () => {
    expect(authorizeToolCall(claims, 'read_file', 'res://alice/notes.md')).toEqual({ ok: true });
  });

  it('denies write_file for a read-only token', () => {
    expect(authorizeToolCall(claims, 'write_file')).toEqual({ ok: false, reason: 'insufficient_scope' });
  });

  it('denies a resource owned by someone else', () => {
    expect(authorizeToolCall(claims, 'read_file', 'res://bob/secret')).toEqual({ ok: false, reason: 'resource_not_owned' });
  });

  it('denies unknown tools', () => {
    expect(authorizeToolCall(claims, 'rm_rf')).toEqual({ ok: false, reason: 'unknown_tool' });
  });
});
