namespace Edgewise.Engine.Messaging;

/// <summary>Receives one message by reference: struct messages are neither copied nor boxed.</summary>
public delegate void MessageHandler<T>(in T message);
