// Preloaded (node --import) into the builds under test: any DNS lookup or
// connection to a host other than this machine is refused and reported on
// stderr as "network attempt", so a test can assert that a build reached
// nothing beyond loopback (no telemetry, no fetch of a remote asset).
import dns from 'node:dns';
import net from 'node:net';

const loopback = (host) => host === undefined || host === '' || host === 'localhost' || /^(127\.|::1$|::ffff:127\.)/.test(host);
const refuse = (what) => {
  process.stderr.write(`network attempt: ${what}\n`);
  return new Error(`network access refused in this build: ${what}`);
};

const lookup = dns.lookup;
dns.lookup = function (hostname, ...rest) {
  if (!loopback(hostname)) {
    const callback = rest.at(-1);
    const error = refuse(`DNS lookup of ${hostname}`);
    if (typeof callback === 'function') process.nextTick(() => callback(error));
    return {};
  }
  return lookup.call(this, hostname, ...rest);
};
const promisesLookup = dns.promises.lookup;
dns.promises.lookup = async function (hostname, ...rest) {
  if (!loopback(hostname)) throw refuse(`DNS lookup of ${hostname}`);
  return promisesLookup.call(this, hostname, ...rest);
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const [first, second] = args;
  const options =
    typeof first === 'object' && first !== null ? first : { port: first, host: typeof second === 'string' ? second : undefined };
  if (options.path === undefined && !loopback(options.host)) {
    const error = refuse(`connection to ${options.host}:${options.port}`);
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return connect.apply(this, args);
};
