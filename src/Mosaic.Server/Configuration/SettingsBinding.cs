using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Mosaic.Server.Configuration;

/// <summary>
/// The one way Mosaic reads its settings (docs/configuration.md): a settings class whose properties carry
/// <see cref="ConfigurationKeyNameAttribute"/> with the environment variable's name and, where a value can be
/// wrong, a <see cref="System.ComponentModel.DataAnnotations.ValidationAttribute"/>. Bound from the whole
/// configuration (environment, <c>.env</c>) and validated when the server starts: a value that cannot be read
/// or breaks a rule stops start-up with a sentence naming the variable and what it accepts.
/// </summary>
public static class SettingsBinding
{
    /// <summary>
    /// Registers <typeparamref name="T"/> as validated options and its value as a singleton, so a consumer may
    /// take either <c>IOptions&lt;T&gt;</c> or <typeparamref name="T"/> itself.
    /// </summary>
    public static OptionsBuilder<T> AddSettings<T>(this IServiceCollection services, IConfiguration configuration)
        where T : class
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, AnnotatedSettingsValidator<T>>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<T>>().Value);
        return services.AddOptions<T>()
            // Before binding: the binder's own conversion error names the key but not what it accepts.
            .Configure(_ => ThrowIfUnreadable<T>(configuration))
            .Bind(configuration)
            .ValidateOnStart();
    }

    /// <summary>
    /// Binds <typeparamref name="T"/> outside dependency injection (while the host is being built, and in tests).
    /// A value that cannot be read throws <see cref="OptionsValidationException"/>; the rules are checked at start.
    /// </summary>
    public static T Read<T>(IConfiguration configuration) where T : class, new()
    {
        ThrowIfUnreadable<T>(configuration);
        var settings = new T();
        configuration.Bind(settings);
        return settings;
    }

    /// <summary>The properties of <typeparamref name="T"/> bound from a variable, with the variable's name.</summary>
    public static IEnumerable<(PropertyInfo Property, string Variable)> Variables<T>() =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Key: p.GetCustomAttribute<ConfigurationKeyNameAttribute>()))
            .Where(p => p.Key is not null)
            .Select(p => (p.Property, p.Key!.Name));

    static void ThrowIfUnreadable<T>(IConfiguration configuration)
    {
        var errors = Variables<T>()
            .Select(v => Unreadable(v.Property.PropertyType, v.Variable, configuration[v.Variable]))
            .OfType<string>()
            .ToList();
        if (errors.Count > 0) throw new OptionsValidationException(Options.DefaultName, typeof(T), errors);
    }

    static string? Unreadable(Type type, string variable, string? raw)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (string.IsNullOrEmpty(raw) || target == typeof(string) || !target.IsPrimitive) return null;
        try
        {
            // The converter the binder itself uses, so this accepts exactly what binding accepts.
            TypeDescriptor.GetConverter(target).ConvertFromInvariantString(raw);
            return null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException or NotSupportedException)
        {
            // Numbers and switches only: never a secret, so the value may be shown.
            return $"{variable} must be {Accepts(target)} (got '{raw}').";
        }
    }

    static string Accepts(Type type) => type == typeof(bool) ? "true or false"
        : type == typeof(double) || type == typeof(float) ? "a number (seconds may have a fraction, e.g. 2.5)"
        : "a whole number";
}
