using System.Reflection;
using System.Reflection.Emit;

namespace ContainerNetLib.Portal.Tests;

/// <summary>
/// The types one compiled type uses: in its signatures (base type, interfaces, fields, properties, parameters,
/// attributes) and in its method bodies (every type, method and field token of the IL). Compiler-made types (closures,
/// state machines, Razor's render code) count for the type that declares them.
/// </summary>
public static class TypeReferences
{
    private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
        | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    /// <summary>The outermost type declaring this one: closures and state machines are nested in it.</summary>
    public static Type Owner(Type type)
    {
        while (type.DeclaringType is { } outer) type = outer;
        return type;
    }

    public static IEnumerable<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? used)
        {
            if (used is null) return;
            if (used.HasElementType) { Add(used.GetElementType()); return; }
            if (used.IsGenericType && !used.IsGenericTypeDefinition)
            {
                Add(used.GetGenericTypeDefinition());
                foreach (var argument in used.GetGenericArguments()) Add(argument);
                return;
            }
            if (!used.IsGenericParameter) found.Add(used);
        }
        void AddMember(MemberInfo? member)
        {
            switch (member)
            {
                case Type used: Add(used); break;
                case FieldInfo field: Add(field.DeclaringType); Add(field.FieldType); break;
                case MethodBase method:
                    Add(method.DeclaringType);
                    if (method is MethodInfo info)
                    {
                        Add(info.ReturnType);
                        if (info.IsGenericMethod) foreach (var argument in info.GetGenericArguments()) Add(argument);
                    }
                    foreach (var parameter in method.GetParameters()) Add(parameter.ParameterType);
                    break;
            }
        }

        Add(type.BaseType);
        foreach (var contract in type.GetInterfaces()) Add(contract);
        foreach (var attribute in type.CustomAttributes) Add(attribute.AttributeType);
        foreach (var field in type.GetFields(Everything)) AddMember(field);
        foreach (var property in type.GetProperties(Everything)) Add(property.PropertyType);
        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            AddMember(method);
            foreach (var attribute in method.CustomAttributes) Add(attribute.AttributeType);
            foreach (var member in UsedInBody(method)) AddMember(member);
        }
        return found;
    }

    private static IEnumerable<MemberInfo> UsedInBody(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        var typeArguments = method.DeclaringType?.GetGenericArguments();
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            var value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var code = OpCodesByValue[value];
            if (code.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType
                or OperandType.InlineTok)
            {
                var token = BitConverter.ToInt32(il, at);
                MemberInfo? member;
                try
                {
                    member = method.Module.ResolveMember(token, typeArguments, methodArguments);
                }
                catch (ArgumentException)
                {
                    member = null;
                }
                if (member is not null) yield return member;
            }
            at += OperandSize(code, il, at);
        }
    }

    private static int OperandSize(OpCode code, byte[] il, int at) => code.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };
}
