// Typed publish/subscribe inside the engine. A topic is a message type (exact type: a handler of a base
// type does not see derived messages). Publishing is synchronous, on the engine loop thread, in subscription
// order, so a replay gives the same call sequence every time. Publish allocates nothing: the topic lookup is a
// dictionary read by Type, handlers are held in an array that is replaced (not mutated) on subscribe, and
// messages pass by reference. Not thread-safe: subscribe during setup or from the loop thread.
namespace Edgewise.Engine.Messaging;

public sealed class MessageBus
{
    private readonly Dictionary<Type, object> _topics = [];

    public IDisposable Subscribe<T>(MessageHandler<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var topic = GetOrCreate<T>();
        topic.Handlers = [.. topic.Handlers, handler];
        return new Subscription<T>(topic, handler);
    }

    public void Publish<T>(in T message)
    {
        if (!_topics.TryGetValue(typeof(T), out var topic))
        {
            return;
        }

        foreach (var handler in ((Topic<T>)topic).Handlers)
        {
            handler(in message);
        }
    }

    public int SubscriberCount<T>() => _topics.TryGetValue(typeof(T), out var topic) ? ((Topic<T>)topic).Handlers.Length : 0;

    private Topic<T> GetOrCreate<T>()
    {
        if (!_topics.TryGetValue(typeof(T), out var topic))
        {
            topic = new Topic<T>();
            _topics.Add(typeof(T), topic);
        }

        return (Topic<T>)topic;
    }

    private sealed class Topic<T>
    {
        public MessageHandler<T>[] Handlers { get; set; } = [];
    }

    private sealed class Subscription<T>(Topic<T> topic, MessageHandler<T> handler) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            var handlers = topic.Handlers;
            var index = Array.IndexOf(handlers, handler);
            if (index >= 0)
            {
                topic.Handlers = [.. handlers[..index], .. handlers[(index + 1)..]];
            }
        }
    }
}
