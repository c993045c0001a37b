import { lookup } from "node:dns/promises";
import { isIP, type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Whether an address is on the public internet. Anything ipaddr.js does not class as plain
 * unicast is refused: private, loopback, link-local (cloud metadata at 169.254.169.254),
 * unique-local, carrier-grade NAT, multicast, reserved and unspecified. An IPv4 address written
 * as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6") {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) parsed = v6.toIPv4Address();
  }
  return parsed.range() === "unicast";
}

/** A host refused by the address guard, with the address that made it so. */
export class BlockedAddressError extends Error {
  constructor(host: string, address: string) {
    super(`${host} resolves to ${address}, a private or reserved address this server does not deliver to`);
    this.name = "BlockedAddressError";
  }
}

function bare(host: string): string {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

/**
 * The addresses a host resolves to, all of them checked: one public address beside a private one
 * does not let the private one through. Throws `BlockedAddressError`, or DNS's own error.
 */
export async function resolvePublic(host: string, allowPrivate: boolean): Promise<{ address: string; family: number }[]> {
  const name = bare(host);
  const found = isIP(name) ? [{ address: name, family: isIP(name) }] : await lookup(name, { all: true, verbatim: true });
  if (!allowPrivate) {
    const blocked = found.find((entry) => !isPublicAddress(entry.address));
    if (blocked) throw new BlockedAddressError(name, blocked.address);
  }
  return found;
}

/**
 * A `lookup` for node's http(s).request that connects only to an address it has checked: the
 * address checked is the address connected to, so a second DNS answer cannot slip past.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    resolvePublic(hostname, allowPrivate).then(
      (addresses) => {
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((entry) => entry.family === options.family) : addresses;
        const first = wanted[0] ?? addresses[0];
        if (!first) {
          callback(new Error(`${hostname} has no address`), "", 4);
        } else if (options.all) {
          callback(null, wanted);
        } else {
          callback(null, first.address, first.family);
        }
      },
      (error: unknown) => callback(error as NodeJS.ErrnoException, "", 4),
    );
  };
}
