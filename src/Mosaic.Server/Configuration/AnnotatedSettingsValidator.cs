using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace Mosaic.Server.Configuration;

/// <summary>
/// Checks the validation attributes of a settings class's variables, and says what is wrong by the variable's
/// name (the built-in DataAnnotations validator would name the C# property, which an operator never sees).
/// </summary>
internal sealed class AnnotatedSettingsValidator<T> : IValidateOptions<T>
    where T : class
{
    static readonly IReadOnlyList<(PropertyInfo Property, string Variable, ValidationAttribute[] Rules)> Rules =
    [
        .. SettingsBinding
            .Variables<T>()
            .Select(v => (v.Property, v.Variable, v.Property.GetCustomAttributes<ValidationAttribute>().ToArray()))
            .Where(v => v.Item3.Length > 0),
    ];

    public ValidateOptionsResult Validate(string? name, T options)
    {
        var errors = new List<string>();
        foreach (var (property, variable, rules) in Rules)
        {
            var value = property.GetValue(options);
            foreach (var rule in rules.Where(r => !r.IsValid(value)))
                errors.Add(Describe(rule, variable, value));
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    static string Describe(ValidationAttribute rule, string variable, object? value) =>
        rule switch
        {
            RangeAttribute range => $"{variable} must be {Bounds(range)} (got {Format(value)}).",
            _ => rule.FormatErrorMessage(variable),
        };

    static string Bounds(RangeAttribute r)
    {
        var min = Format(r.Minimum);
        var unbounded = r.Maximum is int.MaxValue or double.MaxValue;
        return (r.MinimumIsExclusive, unbounded) switch
        {
            (false, true) => $"at least {min}",
            (true, true) => $"more than {min}",
            (false, false) => $"between {min} and {Format(r.Maximum)}",
            (true, false) => $"more than {min} and at most {Format(r.Maximum)}",
        };
    }

    static string Format(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "nothing";
}
