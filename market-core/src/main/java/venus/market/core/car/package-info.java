/**
 * CAR files: streaming CARv1 reader and writer, CARv2 reader (pragma, header, inner CARv1, index verification),
 * block hash verification, and DAG completeness checks. Malformed input raises {@link
 * venus.market.core.car.CarException} (or a subtype) naming the byte offset or the CID.
 */
package venus.market.core.car;
