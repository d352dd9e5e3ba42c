/**
 * Quantities with units, parsed and printed exactly as lotus does: {@link venus.market.core.amount.TokenAmount}
 * (attoFIL; lotus types.FIL ParseFIL / String / Short), {@link venus.market.core.amount.Epochs} (30-second chain
 * epochs, Go time.Duration text), and {@link venus.market.core.amount.ByteSizes} (docker/go-units RAMInBytes,
 * lotus SizeStr and units.BytesSize). Every parse error is an {@link venus.market.core.amount.AmountException}.
 */
package venus.market.core.amount;
