using System.Reflection;
using System.Text.Json;
using Upstash.Workflow.AspNetCore;
using Upstash.Workflow.Testing;

namespace Upstash.Workflow.Tests.Reliability;

/// <summary>No options type of any package writes a token or signing key when serialized or printed.</summary>
public sealed class OptionsSecretsTests
{
    private const string Secret = "sig_or_token_that_must_not_be_written";

    [Fact]
    public void Serializing_or_printing_any_options_type_writes_no_secret()
    {
        var options = new[] { typeof(UpstashWorkflowClient), typeof(UpstashReceivingOptions), typeof(UpstashWorkflowEmulator) }
            .SelectMany(type => type.Assembly.GetExportedTypes())
            .Where(type => type.Name.EndsWith("Options", StringComparison.Ordinal) && type.IsClass && !type.IsAbstract && type.GetConstructor(Type.EmptyTypes) is not null)
            .ToList();
        var secrets = 0;
        var failures = new List<string>();

        foreach (var type in options)
        {
            var instance = Activator.CreateInstance(type)!;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(string) && p.CanWrite && IsSecret(p.Name)))
            {
                property.SetValue(instance, Secret);
                secrets++;
            }
            var written = JsonSerializer.Serialize(instance, type, new JsonSerializerOptions { Converters = { new Skip<TimeProvider>() } }) + instance;
            if (written.Contains(Secret, StringComparison.Ordinal))
            {
                failures.Add(type.Name);
            }
        }

        // The six secrets: the client's token, the verifier's two signing keys, the emulator's token and two signing keys.
        Assert.Equal(6, secrets);
        Assert.Empty(failures);
    }

    private static bool IsSecret(string name) => name.EndsWith("Token", StringComparison.Ordinal) || name.EndsWith("SigningKey", StringComparison.Ordinal);

    // A clock is no setting a serializer can write; it is left out so the rest is written.
    private sealed class Skip<T> : System.Text.Json.Serialization.JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteNullValue();
    }
}
