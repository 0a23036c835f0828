export function canUseAccount(key, accountId) {
  return key.accounts.has(accountId) || key.accounts.has('*');
}
