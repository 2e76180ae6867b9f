using System.Reflection;
using IncidentFlows.Functions.Http;
using Microsoft.Azure.Functions.Worker;

namespace IncidentFlows.Functions.Tests;

/// <summary>One HTTP-triggered function of the host, found by reflection the way the Worker SDK finds it.</summary>
internal sealed record HttpTrigger(string Name, string Method, string Route, MethodInfo Function)
{
    /// <summary>Every [Function] with an [HttpTrigger] parameter in the Functions host, one row per HTTP method.</summary>
    public static IReadOnlyList<HttpTrigger> All { get; } =
    [
        .. from type in typeof(BotFunction).Assembly.GetTypes()
           from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
           let function = method.GetCustomAttribute<FunctionAttribute>()
           let trigger = method.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)
           where function is not null && trigger is not null
           from verb in trigger.Methods ?? []
           orderby function.Name
           select new HttpTrigger(function.Name, verb.ToUpperInvariant(), trigger.Route ?? function.Name, method),
    ];

    /// <summary>xunit rows: the trigger's name.</summary>
    public static TheoryData<string> Names(Func<HttpTrigger, bool> where)
    {
        var data = new TheoryData<string>();
        foreach (var trigger in All.Where(where))
        {
            data.Add(trigger.Name);
        }

        return data;
    }

    public static HttpTrigger Named(string name) => All.Single(t => t.Name == name);

    public override string ToString() => $"{Method} {Route} ({Name})";
}
