// js-libp2p 3.x and its helpers call Promise.withResolvers (Node >= 22). CI and this machine run Node 20, and
// even the 2.x set pulls helpers that need it, so provide the standard behaviour here. Imported first by peer.mjs.
if (typeof Promise.withResolvers !== 'function') {
  Promise.withResolvers = function withResolvers () {
    let resolve
    let reject
    const promise = new this((res, rej) => { resolve = res; reject = rej })
    return { promise, resolve, reject }
  }
}
