import { lookup } from "node:dns/promises";
import { isIP, type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Whether an address is on the public internet. Anything ipaddr.js does not class as plain
 * unicast is refused: private, loopback, link-local (cloud metadata at 169.254.169.254),
 * unique-local, carrier-grade NAT, multicast, reserved and unspecified. An IPv4 address written
 * as IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address it is; the deprecated IPv4-compatible
 * form (::10.0.0.1, ::/96) is refused outright, as no public host is reached that way.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = unmapped(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).parts.slice(0, 6).every((part) => part === 0)) return false;
  return parsed.range() === "unicast";
}

function unmapped(address: string): ipaddr.IPv4 | ipaddr.IPv6 {
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) return (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed;
}

/** Whether `network` is an address range as `OFFERKIT_WEBHOOK_ALLOWED_NETWORKS` takes them: `10.20.0.0/16`, `fd00::/8`. */
export function isNetwork(network: string): boolean {
  return ipaddr.isValidCIDR(network);
}

/** Which addresses deliveries may reach. */
export type AddressRule = (address: string) => boolean;

/**
 * Public addresses, and the non-public ones the operator names: every one with
 * `allowPrivate`, or those in `networks` (CIDR ranges), so a receiver on a trusted subnet can be
 * reached while the rest of the private space, cloud metadata among it, stays closed.
 */
export function addressRule(allowPrivate: boolean, networks: readonly string[] = []): AddressRule {
  const ranges = networks.map((network) => ipaddr.parseCIDR(network));
  return (address) => {
    if (allowPrivate || isPublicAddress(address)) return true;
    if (!ipaddr.isValid(address)) return false;
    const parsed = unmapped(address);
    return ranges.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits));
  };
}

/**
 * A host refused by the address guard. Its message names the host, never the address it resolved
 * to: a seller must not learn what the operator's internal names resolve to by saving URLs.
 * `address` is for the operator's own logs.
 */
export class BlockedAddressError extends Error {
  readonly address: string;

  constructor(host: string, address: string) {
    super(
      isIP(host)
        ? `${host} is a private or reserved address this server does not deliver to`
        : `${host} resolves to a private or reserved address this server does not deliver to`,
    );
    this.name = "BlockedAddressError";
    this.address = address;
  }
}

function bare(host: string): string {
  return host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
}

/**
 * The addresses a host resolves to, all of them checked: one public address beside a private one
 * does not let the private one through. Throws `BlockedAddressError`, or DNS's own error.
 */
export async function resolveAllowed(host: string, allowed: AddressRule): Promise<{ address: string; family: number }[]> {
  const name = bare(host);
  const found = isIP(name) ? [{ address: name, family: isIP(name) }] : await lookup(name, { all: true, verbatim: true });
  const blocked = found.find((entry) => !allowed(entry.address));
  if (blocked) throw new BlockedAddressError(name, blocked.address);
  return found;
}

/**
 * A `lookup` for node's http(s).request that connects only to an address it has checked: the
 * address checked is the address connected to, so a second DNS answer cannot slip past.
 */
export function guardedLookup(allowed: AddressRule): LookupFunction {
  return (hostname, options, callback) => {
    resolveAllowed(hostname, allowed).then(
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
