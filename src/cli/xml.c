/*
 * xml.c (cli): 'medbill import xml FILE' and 'medbill export xml FILE'.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "medbill/exchange.h"
#include "medbill/util.h"

static void summary(const char *verb, const struct xmlx_counts *n, const char *file)
{
	fprintf(stderr, "medbill: %s %ld provider%s, %ld payer%s, %ld fee%s, %ld patient%s, "
		"%ld coverage%s, %ld encounter%s (%ld charge line%s), %ld claim%s, %ld ledger row%s "
		"%s '%s'\n", verb,
		n->providers, n->providers == 1 ? "" : "s", n->payers, n->payers == 1 ? "" : "s",
		n->fees, n->fees == 1 ? "" : "s", n->patients, n->patients == 1 ? "" : "s",
		n->coverages, n->coverages == 1 ? "" : "s", n->encounters, n->encounters == 1 ? "" : "s",
		n->charges, n->charges == 1 ? "" : "s", n->claims, n->claims == 1 ? "" : "s",
		n->ledger, n->ledger == 1 ? "" : "s", strcmp(verb, "imported") ? "to" : "from", file);
	if (n->edits || n->counters || n->batches || n->findings)
		fprintf(stderr, "medbill: and %ld edit%s, %ld control number counter%s, %ld batch%s "
			"(%ld transaction set%s, %ld claim%s), %ld scrub finding%s\n",
			n->edits, n->edits == 1 ? "" : "s", n->counters, n->counters == 1 ? "" : "s",
			n->batches, n->batches == 1 ? "" : "es", n->batch_sets, n->batch_sets == 1 ? "" : "s",
			n->batch_claims, n->batch_claims == 1 ? "" : "s", n->findings,
			n->findings == 1 ? "" : "s");
}

int cmd_import_xml(struct cli *c, int argc, char **argv)
{
	struct xmlx_counts n;

	if (argc != 1 || !*argv[0])
		return cli_usage(c, "'import xml' takes one FILE");
	if (!cli_store(c, 0))
		return EXIT_USER;
	if (exchange_import_xml(c->st, argv[0], &n) != MB_OK)
		return cli_fail();
	summary("imported", &n, argv[0]);
	return EXIT_OK;
}

int cmd_export_xml(struct cli *c, int argc, char **argv)
{
	struct xmlx_counts n;
	int rc;

	if (argc != 1 || !*argv[0])
		return cli_usage(c, "'export xml' takes one FILE ('-' for standard output)");
	if (!cli_store(c, 0))
		return EXIT_USER;
	if (!strcmp(argv[0], "-"))
		rc = exchange_export_xml_file(c->st, stdout, &n);
	else
		rc = exchange_export_xml(c->st, argv[0], &n);
	if (rc != MB_OK)
		return cli_fail();
	summary("exported", &n, strcmp(argv[0], "-") ? argv[0] : "standard output");
	return EXIT_OK;
}
