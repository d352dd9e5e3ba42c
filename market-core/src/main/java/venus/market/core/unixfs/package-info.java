/**
 * UnixFS files as lotus imports them: dag-pb nodes, UnixFS Data, the balanced 1 MiB / 1024-link importer with
 * inline identity CIDs, the generate-car CAR writer, and link decoding for DAG walks.
 */
package venus.market.core.unixfs;
