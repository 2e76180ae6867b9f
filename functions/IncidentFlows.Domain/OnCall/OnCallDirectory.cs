using NodaTime;

namespace IncidentFlows.Domain.OnCall;

/// <summary>
/// The decider's view of a team's on-call configuration: which plan a service escalates through, and who a
/// level pages at an instant (people directly, schedules through whoever is on call then). Pure.
/// </summary>
public sealed class OnCallDirectory : IOnCallDirectory
{
    private readonly TeamConfiguration configuration;
    private readonly Dictionary<string, EscalationPlan> plans;

    public OnCallDirectory(TeamConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        this.configuration = configuration;
        plans = configuration.Policies.Values.ToDictionary(p => p.Id, p => p.ToPlan(), StringComparer.Ordinal);
    }

    public EscalationPlan? PlanFor(string? service) => plans[configuration.PolicyFor(service).Id];

    public IReadOnlyList<Responder> RespondersAt(string policyId, int level, Instant at)
    {
        if (!configuration.Policies.TryGetValue(policyId, out var policy) || level < 0 || level >= policy.Levels.Count)
        {
            return [];
        }

        var responders = new List<Responder>();
        foreach (var target in policy.Levels[level].Targets)
        {
            switch (target)
            {
                case EscalationTarget.Person person:
                    AddOnce(responders, person.PersonId, $"policy {policy.Id}, level {level + 1}, directly");
                    break;
                case EscalationTarget.Schedule schedule:
                    foreach (var shift in configuration.Schedules[schedule.ScheduleId].WhoIsOnCall(at))
                    {
                        AddOnce(responders, shift.PersonId, $"schedule {schedule.ScheduleId}, {shift.Source.Describe()}");
                    }

                    break;
            }
        }

        return responders;
    }

    private void AddOnce(List<Responder> responders, string personId, string via)
    {
        if (responders.Exists(r => r.PersonId == personId)) return;
        var name = configuration.People.TryGetValue(personId, out var person) ? person.Name : personId;
        responders.Add(new Responder(personId, name, via));
    }
}
