/**
 * "What is stored and how": Twofold's security model in plain words, for the person whose
 * codes these are. Keep it true to docs/vault-format.md and the background's behaviour.
 */
export function WhatIsStored() {
  return (
    <section class="card prose" aria-labelledby="stored-title">
      <h2 id="stored-title">What is stored and how</h2>
      <ul>
        <li>
          Your accounts (service names, account names, secret keys and the sites they belong to) are kept only in this
          browser’s extension storage, <strong>encrypted</strong> with AES-256-GCM.
        </li>
        <li>
          The key that encrypts them is itself locked with a key made from your master password by Argon2id, a method
          built to make guessing passwords slow and costly. Your master password is never stored anywhere.
        </li>
        <li>
          While Twofold is unlocked, the unlocked key is kept in the browser’s session memory only, never written to
          disk. Twofold locks when the browser closes, after the idle time you chose, when your computer locks (if you
          turned that on), and whenever you choose <em>Lock now</em>.
        </li>
        <li>
          <strong>Nobody can recover a forgotten master password</strong>, not us and not anyone else. Without it the
          accounts stored here cannot be opened. Keep the recovery codes your sites gave you somewhere safe.
        </li>
        <li>Your settings and the count of wrong password attempts are stored unencrypted; they hold nothing secret.</li>
      </ul>
      <h3>What this does not protect against</h3>
      <ul>
        <li>
          A page you fill a code into sees that code: that is how signing in works. Twofold offers an account’s codes
          only on the site it is bound to, so look-alike sites get nothing.
        </li>
        <li>
          Harmful software running on your computer while Twofold is unlocked could read what Twofold can read, and
          anyone using your computer while it is unlocked can see your codes.
        </li>
      </ul>
    </section>
  );
}
