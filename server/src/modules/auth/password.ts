import { hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 defaults to argon2id, 19 MiB, 2 passes: the OWASP baseline.
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

export const MIN_PASSWORD_LENGTH = 8;

export function isAcceptablePassword(password: string, username: string): boolean {
  return password.length >= MIN_PASSWORD_LENGTH && password.toLowerCase() !== username.toLowerCase();
}

// Verified against when the username is unknown, so a wrong username costs as long as a wrong password.
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword('chiso-decoy-password');
  return decoyHash;
}
