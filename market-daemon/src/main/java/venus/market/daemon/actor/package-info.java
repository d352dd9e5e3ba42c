/** The miners served by this market, their on-chain info, and the worker-sent ChangeMultiaddrs / ChangePeerID messages. */
package venus.market.daemon.actor;
