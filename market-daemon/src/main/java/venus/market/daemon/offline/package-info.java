/**
 * Offline deals: {@code storage-deals import-data} streams the operator's CAR file once through commP and into piece
 * storage, then hands the deal to the pipeline (VerifiedData).
 */
package venus.market.daemon.offline;
