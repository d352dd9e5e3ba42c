/**
 * market-client: the storage client. So far the local data commands ({@code data import/local/drop/generate-car/
 * commP}, package {@code cli}), the data operations behind them ({@code data}) and the local import store
 * ({@code imports}); the client daemon, asks, deals and funds come later.
 */
package venus.market.client;
