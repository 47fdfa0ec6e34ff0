import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Watches one connection, after HTTP decoding: registers it with the
/// ``ConnectionGuard`` and closes it when its client is too slow: no whole
/// request head within ``ConnectionLimits/headerTimeout`` of the connection
/// or of the previous answer, or a body that pauses longer than
/// ``ConnectionLimits/bodyTimeout``. Answers take as long as they take.
final class ConnectionWatch: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let connections: ConnectionGuard
    private var id: Int?
    private var deadline: Scheduled<Void>?
    /// Requests whose head came and whose answer has not ended.
    private var open = 0

    init(_ connections: ConnectionGuard) {
        self.connections = connections
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { opened(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        opened(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        if let id { connections.remove(id) }
        id = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        if let id { connections.remove(id) }
        id = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            open += 1
            if let id { connections.setBusy(id, true) }
            arm(context, connections.limits.bodyTimeout, reason: "body timeout")
        case .body:
            arm(context, connections.limits.bodyTimeout, reason: "body timeout")
        case .end:
            // The request is the server's now: no deadline while it answers.
            deadline?.cancel()
            deadline = nil
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            open = max(0, open - 1)
            if open == 0 {
                if let id { connections.setBusy(id, false) }
                arm(context, connections.limits.headerTimeout, reason: "header timeout")
            }
        }
        context.write(data, promise: promise)
    }

    private func opened(_ context: ChannelHandlerContext) {
        guard id == nil, deadline == nil else { return }
        guard let admitted = connections.admit(context.channel) else {
            context.close(promise: nil)
            return
        }
        id = admitted
        arm(context, connections.limits.headerTimeout, reason: "header timeout")
    }

    /// Closes the connection after `delay` unless re-armed or cancelled first.
    private func arm(_ context: ChannelHandlerContext, _ delay: Duration, reason: String) {
        deadline?.cancel()
        let nanoseconds = delay.components.seconds * 1_000_000_000 + delay.components.attoseconds / 1_000_000_000
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        deadline = context.eventLoop.scheduleTask(in: .nanoseconds(nanoseconds)) {
            ConnectionGuard.closed(reason)
            loopBound.value.close(promise: nil)
        }
    }
}
