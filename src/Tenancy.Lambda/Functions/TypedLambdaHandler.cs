using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Tenancy.Lambda.Runtime;

namespace Tenancy.Lambda.Functions;

/// <summary>Adapts <c>handler(TIn, context) → TOut</c> to the byte-level loop with source-generated JSON metadata.</summary>
internal sealed class TypedLambdaHandler<TIn, TOut> : ILambdaInvocationHandler
{
    private readonly JsonTypeInfo<TIn> _input;
    private readonly JsonTypeInfo<TOut> _output;
    private readonly Func<TIn, LambdaInvocationContext, CancellationToken, Task<TOut>> _handler;

    public TypedLambdaHandler(JsonTypeInfo<TIn> input, JsonTypeInfo<TOut> output, Func<TIn, LambdaInvocationContext, CancellationToken, Task<TOut>> handler)
    {
        _input = input;
        _output = output;
        _handler = handler;
    }

    public async Task<LambdaResponse> InvokeAsync(ReadOnlyMemory<byte> payload, LambdaInvocationContext context, CancellationToken cancellationToken)
    {
        TIn request;
        try
        {
            request = JsonSerializer.Deserialize(payload.Span, _input)
                ?? throw new LambdaEventException($"The event is JSON null; {typeof(TIn).Name} expected.");
        }
        catch (JsonException exception)
        {
            throw new LambdaEventException($"The event is not a valid {typeof(TIn).Name}: {exception.Message}", exception);
        }

        var result = await _handler(request, context, cancellationToken).ConfigureAwait(false);
        return new LambdaResponse(JsonSerializer.SerializeToUtf8Bytes(result, _output));
    }
}
