// A js-libp2p peer for market-p2p's interop tests (TCP + Noise + yamux or mplex, identify, ping, echo).
//
//   node peer.mjs listen [--muxer yamux|mplex]            prints "LISTEN <multiaddr>", serves /test/echo/1.0.0,
//                                                          prints "IDENTIFIED <json>" for each peer it identifies,
//                                                          exits when stdin closes
//   node peer.mjs dial <multiaddr> [--muxer yamux|mplex]  identify + ping + echo against the peer, prints
//                                                          "RESULT <json>" and exits 0, or "ERROR <msg>" and exits 1
import './node20-compat.mjs'
import { createLibp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { mplex } from '@libp2p/mplex'
import { identify } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import { multiaddr } from '@multiformats/multiaddr'
import { randomBytes } from 'node:crypto'

const ECHO = '/test/echo/1.0.0'
const args = process.argv.slice(2)
const mode = args[0]
const muxerIdx = args.indexOf('--muxer')
const muxerName = muxerIdx >= 0 ? args[muxerIdx + 1] : 'yamux'

const hex = (u8) => Buffer.from(u8 ?? []).toString('hex')
const out = (line) => process.stdout.write(line + '\n')

async function echoHandler (stream) {
  for await (const chunk of stream) {
    if (!stream.send(chunk)) {
      await stream.onDrain()
    }
  }
  await stream.close()
}

async function readAll (stream) {
  const parts = []
  for await (const chunk of stream) {
    parts.push(chunk.subarray())
  }
  return Buffer.concat(parts)
}

function describe (result) {
  return {
    peerId: result.peerId.toString(),
    agentVersion: result.agentVersion,
    protocolVersion: result.protocolVersion,
    protocols: result.protocols,
    listenAddrs: result.listenAddrs.map(a => a.toString()),
    observedAddr: result.observedAddr?.toString(),
    publicKey: hex(result.publicKey)
  }
}

const node = await createLibp2p({
  addresses: { listen: mode === 'listen' ? ['/ip4/127.0.0.1/tcp/0'] : [] },
  transports: [tcp()],
  connectionEncrypters: [noise()],
  streamMuxers: [muxerName === 'mplex' ? mplex() : yamux()],
  services: { identify: identify(), ping: ping() }
})
await node.handle(ECHO, echoHandler)
await node.start()

if (mode === 'listen') {
  node.addEventListener('peer:identify', (evt) => {
    out('IDENTIFIED ' + JSON.stringify({ ...describe(evt.detail), muxer: evt.detail.connection.multiplexer }))
  })
  out('LISTEN ' + node.getMultiaddrs()[0].toString())
  process.stdin.resume()
  process.stdin.on('end', async () => { await node.stop(); process.exit(0) })
} else if (mode === 'dial') {
  try {
    const target = multiaddr(args[1])
    // identify runs by itself when the connection opens; wait for its result rather than start a second one
    const identified = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no identify result within 10 s')), 10000)
      node.addEventListener('peer:identify', (evt) => { clearTimeout(timer); resolve(evt.detail) })
    })
    const conn = await node.dial(target, { signal: AbortSignal.timeout(10000) })
    const id = await identified
    const rtt = await node.services.ping.ping(target, { signal: AbortSignal.timeout(10000) })
    const payload = randomBytes(300 * 1024)
    const stream = await node.dialProtocol(target, ECHO, { signal: AbortSignal.timeout(10000) })
    const reading = readAll(stream)
    for (let i = 0; i < payload.length; i += 16384) {
      if (!stream.send(payload.subarray(i, i + 16384))) {
        await stream.onDrain()
      }
    }
    await stream.close()
    const back = await reading
    out('RESULT ' + JSON.stringify({
      muxer: conn.multiplexer,
      identify: describe(id),
      pingMs: rtt,
      echoBytes: back.length,
      echoOk: Buffer.compare(back, payload) === 0
    }))
    await node.stop()
    process.exit(0)
  } catch (err) {
    out('ERROR ' + (err?.stack ?? String(err)).replace(/\n/g, ' | '))
    await node.stop()
    process.exit(1)
  }
} else {
  out('ERROR usage: node peer.mjs listen|dial <multiaddr> [--muxer yamux|mplex]')
  process.exit(2)
}
