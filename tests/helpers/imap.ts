import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';

/** Debian's dovecot-imapd binary; .ci/run installs the package when it is missing. */
const DOVECOT = process.env.DOVECOT_PATH ?? '/usr/sbin/dovecot';

export interface TestImapServer {
  port: number;
  /** Opens a client session for one account; the caller logs out. */
  connect(user: string): Promise<ImapFlow>;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/** Returns the uid and gid of a system account from /etc/passwd. */
function accountIds(name: string): { uid: number; gid: number } {
  const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((entry) => entry.startsWith(`${name}:`));
  if (!line) throw new Error(`The account ${name} is missing from /etc/passwd; the test IMAP server runs as it when the tests run as root.`);
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** Returns the name of a group from /etc/group. */
function groupName(gid: number): string {
  const line = fs.readFileSync('/etc/group', 'utf8').split('\n').find((entry) => entry.split(':')[2] === String(gid));
  if (!line) throw new Error(`No group has gid ${gid} in /etc/group.`);
  return line.split(':')[0];
}

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('data', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/**
 * Starts Dovecot in a temporary directory on a free loopback port, with plain-text logins over
 * an unencrypted loopback connection and Maildir storage. It never runs as root: when the tests
 * run as root, the server is started as the "nobody" account, which owns the directory.
 */
export async function startImapServer(accounts: Record<string, string>): Promise<TestImapServer> {
  if (!fs.existsSync(DOVECOT)) throw new Error(`${DOVECOT} is missing; install Debian's dovecot-imapd package (apt-get install dovecot-imapd).`);
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'intake-imap-'));
  fs.chmodSync(directory, 0o755);
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? 'nobody' : os.userInfo().username;
  const ids = asRoot ? accountIds('nobody') : { uid: os.userInfo().uid, gid: os.userInfo().gid };

  fs.writeFileSync(path.join(directory, 'users'), Object.entries(accounts).map(([name, password]) => `${name}:{PLAIN}${password}`).join('\n') + '\n');
  fs.writeFileSync(
    path.join(directory, 'dovecot.conf'),
    `base_dir = ${directory}/run
state_dir = ${directory}/state
log_path = ${directory}/dovecot.log
instance_name = intake-test-${port}
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain
default_internal_user = ${user}
default_internal_group = ${groupName(ids.gid)}
default_login_user = ${user}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${directory}/users
}
userdb {
  driver = static
  args = uid=${ids.uid} gid=${ids.gid} home=${directory}/home/%u
}
mail_location = maildir:~/Maildir
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
service stats {
  unix_listener stats-reader {
    mode = 0666
  }
  unix_listener stats-writer {
    mode = 0666
  }
}
`
  );
  for (const sub of ['run', 'state', 'home']) fs.mkdirSync(path.join(directory, sub));
  for (const entry of fs.readdirSync(directory)) fs.chownSync(path.join(directory, entry), ids.uid, ids.gid);
  fs.chownSync(directory, ids.uid, ids.gid);

  const server: ChildProcess = spawn(DOVECOT, ['-c', path.join(directory, 'dovecot.conf'), '-F'], { uid: ids.uid, gid: ids.gid, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  server.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));

  // Dovecot writes no ready line on stdout, so readiness is its greeting on the port.
  for (let attempt = 0; attempt < 100 && !(await accepts(port)); attempt++) {
    if (server.exitCode !== null) throw new Error(`Dovecot exited with code ${server.exitCode}: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (!(await accepts(port))) {
    server.kill('SIGTERM');
    throw new Error(`Dovecot did not accept connections on 127.0.0.1:${port}: ${stderr}`);
  }

  return {
    port,
    async connect(account: string) {
      const client = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user: account, pass: accounts[account] }, logger: false });
      await client.connect();
      return client;
    },
    async stop() {
      server.kill('SIGTERM');
      await exited;
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
