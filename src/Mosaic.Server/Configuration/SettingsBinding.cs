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
        // Read when the options are first needed: the configuration is final by then (tests add to it late).
        return services.AddOptions<T>().Configure(settings => Bind(configuration, settings)).ValidateOnStart();
    }

    /// <summary>
    /// Binds <typeparamref name="T"/> outside dependency injection (while the host is being built, and in tests).
    /// A value that cannot be read throws <see cref="OptionsValidationException"/>; the rules are checked at start.
    /// </summary>
    public static T Read<T>(IConfiguration configuration)
        where T : class, new()
    {
        var settings = new T();
        Bind(configuration, settings);
        return settings;
    }

    /// <summary>
    /// Binds exactly the variables <typeparamref name="T"/> declares (no other key can reach a property). A blank
    /// number or switch counts as unset, as an empty line in a .env file means; a value that cannot be read throws,
    /// naming every such variable (the binder's own error names one key and not what it accepts).
    /// </summary>
    static void Bind<T>(IConfiguration configuration, T settings)
        where T : class
    {
        var errors = new List<string>();
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (property, variable) in Variables<T>())
        {
            var raw = configuration[variable];
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (raw is null || (type != typeof(string) && string.IsNullOrWhiteSpace(raw)))
                continue;
            if (Unreadable(type, variable, raw) is { } error)
                errors.Add(error);
            else
                values[variable] = raw;
        }
        if (errors.Count > 0)
            throw new OptionsValidationException(Options.DefaultName, typeof(T), errors);
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().Bind(settings);
    }

    /// <summary>The properties of <typeparamref name="T"/> bound from a variable, with the variable's name.</summary>
    public static IEnumerable<(PropertyInfo Property, string Variable)> Variables<T>() =>
        typeof(T)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Key: p.GetCustomAttribute<ConfigurationKeyNameAttribute>()))
            .Where(p => p.Key is not null)
            .Select(p => (p.Property, p.Key!.Name));

    static string? Unreadable(Type type, string variable, string raw)
    {
        if (type == typeof(string))
            return null;
        try
        {
            // The converter the binder itself uses, so this accepts exactly what binding accepts.
            TypeDescriptor.GetConverter(type).ConvertFromInvariantString(raw);
            return null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException or NotSupportedException)
        {
            // Numbers and switches only: never a secret, so the value may be shown.
            return $"{variable} must be {Accepts(type)} (got '{raw}').";
        }
    }

    static string Accepts(Type type) =>
        type == typeof(bool) ? "true or false"
        : type == typeof(double) || type == typeof(float) ? "a number (seconds may have a fraction, e.g. 2.5)"
        : type.IsPrimitive ? "a whole number"
        : $"a {type.Name}";
}
