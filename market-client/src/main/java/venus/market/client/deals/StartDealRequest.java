package venus.market.client.deals;

import venus.market.core.address.Address;
import venus.market.core.amount.TokenAmount;
import venus.market.core.multiformats.Cid;

/**
 * What {@code storage deals init} asks the daemon for (lotus StartDealParams, flattened).
 *
 * @param wallet null = the daemon's DefaultMarketAddress
 * @param epochPrice attoFIL per epoch for the whole piece
 * @param startEpoch 0 or negative = chain head + [Deals] StartEpochDelay
 * @param manualPieceCid non-null makes an offline deal (data goes to the provider outside the protocol)
 * @param manualPieceSize unpadded bytes, with manualPieceCid
 * @param providerCollateral null = the chain's minimum
 */
public record StartDealRequest(
    Cid dataRoot,
    Address miner,
    Address wallet,
    TokenAmount epochPrice,
    long duration,
    long startEpoch,
    Cid manualPieceCid,
    long manualPieceSize,
    TokenAmount providerCollateral,
    boolean verifiedDeal) {}
