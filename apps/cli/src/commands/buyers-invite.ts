import { isOfferkitError, type BuyerInvitationView } from "@offerkit/sdk";
import { normalizeAccounts } from "../accounts";
import { onePositional, parseCommandArgs } from "../args";
import { connect } from "../client";
import type { Command } from "../command";
import { ApiFailure } from "../errors";
import { json, table } from "../output";

const name = "buyers invite";

export const buyersInvite: Command = {
  name,
  summary: "Make one-time invitation links for a sent offer's buyer accounts",
  synopsis: "<offer-id> [--account <12 digits>]... [--json]",
  help: `Usage: offerkit buyers invite <offer-id> [--account <12 digits>]... [--json]

Makes an invitation link for each buyer account of a sent offer (or only the --account ones),
to mail to the buyer: opening it signs the browser in as that account and shows the offer.
Each link works once, for a week at most and never past the offer's deadline. The server
keeps only a hash, so the links are printed this once. With a marketplace publisher buyers
accept on the marketplace, and no link is made.

Flags:
  --account <12 digits>  Only this buyer account, repeatable (1234-5678-9012 is read as
                         123456789012); it must be one of the offer's
  --json                 Print the invitations as a JSON array: { offerId, account, url, expiresAt }

Example:
  offerkit buyers invite offer-8GJv0c2Zq1xY4uW7tR3sA --account 0123-4567-8901
`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(args, { account: { type: "string", multiple: true } }, name);
    const offerId = onePositional(positionals, "offer ID", name);
    const client = connect(values, io);
    const accounts = values.account === undefined ? (await client.offers.get({ offerId })).buyerAccounts : normalizeAccounts(values.account);
    const invitations: BuyerInvitationView[] = [];
    const print = () => {
      if (values.json) return io.write(json(invitations));
      io.write(
        `Invitation links for ${offerId}, each for one use (shown this once):\n\n` +
          table(
            ["ACCOUNT", "EXPIRES", "LINK"],
            invitations.map((invitation) => [invitation.account, invitation.expiresAt, invitation.url]),
          ),
      );
    };
    // One at a time: a failure names its account, and the links made before it are still printed (they exist only here).
    for (const account of accounts) {
      try {
        invitations.push(await client.offers.inviteBuyer({ offerId, account }));
      } catch (error) {
        if (invitations.length === 0 || !isOfferkitError(error)) throw error;
        print();
        throw new ApiFailure(error, `No link for ${account}; the links above were made.`);
      }
    }
    print();
  },
};
