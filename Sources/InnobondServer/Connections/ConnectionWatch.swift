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
    /// When the connection closes unless re-armed or disarmed first, and why.
    private var deadline: (at: NIODeadline, reason: String)?
    /// The check scheduled on the event loop, and when it runs. A request
    /// only moves ``deadline``; the check is rescheduled when it runs early
    /// or must run earlier, so that a request costs no scheduling.
    private var check: (task: Scheduled<Void>, at: NIODeadline)?
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
        disarm()
        if let id { connections.remove(id) }
        id = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        disarm()
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

    /// Closes the connection after `delay` unless re-armed or disarmed first.
    private func arm(_ context: ChannelHandlerContext, _ delay: Duration, reason: String) {
        let nanoseconds = delay.components.seconds * 1_000_000_000 + delay.components.attoseconds / 1_000_000_000
        let at = NIODeadline.now() + .nanoseconds(nanoseconds)
        deadline = (at, reason)
        if let check, check.at <= at { return }
        schedule(context, at: at)
    }

    private func schedule(_ context: ChannelHandlerContext, at: NIODeadline) {
        check?.task.cancel()
        let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let task = context.eventLoop.scheduleTask(deadline: at) {
            let (watch, context) = loopBound.value
            watch.check = nil
            guard let deadline = watch.deadline else { return }
            if deadline.at > .now() {
                watch.schedule(context, at: deadline.at)
            } else {
                ConnectionGuard.closed(deadline.reason)
                context.close(promise: nil)
            }
        }
        check = (task, at)
    }

    private func disarm() {
        check?.task.cancel()
        check = nil
        deadline = nil
    }
}
