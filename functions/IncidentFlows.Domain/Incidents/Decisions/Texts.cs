namespace IncidentFlows.Domain.Incidents.Decisions;

/// <summary>Shared checks on free text and people in commands.</summary>
internal static class Texts
{
    public static DomainError? RequireText(string? text, string field, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return DomainError.Invalid(field, $"The {what} is empty.");
        }

        return text.Length > Limits.TextLength
            ? DomainError.Invalid(field, $"The {what} is {text.Length} characters; the limit is {Limits.TextLength}.")
            : null;
    }

    public static DomainError? RequirePerson(Person? person, string field) =>
        person is null || string.IsNullOrWhiteSpace(person.Id)
            ? DomainError.Invalid(field, $"Say who the {field} is: the person's id is missing.")
            : null;
}
