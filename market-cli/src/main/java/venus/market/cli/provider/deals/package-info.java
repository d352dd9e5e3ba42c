/** storage-deals: the ask, deal list/get/import-data/publishing and the acceptance getters and setters. */
package venus.market.cli.provider.deals;
