/** libp2p on Netty: TCP, multistream-select, Noise, yamux, mplex, identify, ping. */
package venus.market.p2p;
