package dev.kagentmaven.core.go;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoShapeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  private final GoShape shape = GoShape.kubernetes();
  private final List<String> problems = new ArrayList<>();
  private final GoShape.Problems recorder = new GoShape.Problems() {
    @Override
    public void unknownField(String path, String field) {
      problems.add("unknown " + path + " " + field);
    }

    @Override
    public void invalid(String path, String message) {
      problems.add("invalid " + path + " " + message);
    }
  };

  /** Parses JSON written with single quotes. */
  private static JsonNode j(String json) {
    try {
      return JSON.readTree(json.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode yaml(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  private String norm(String type, JsonNode input) {
    return shape.normalize(type, input, recorder).toString();
  }

  private static String q(String json) {
    return json.replace('\'', '"');
  }

  @Test
  void tableHasTheTypesWeRender() {
    for (String t : List.of("v1.Container", "v1.Volume", "v1.PodSecurityContext", "apps/v1.Deployment",
        "v1.Service", "meta.ObjectMeta", "v1.ResourceList", "v1.PullPolicy")) {
      assertTrue(shape.hasType(t), t);
    }
    assertFalse(shape.hasType("v1.NoSuchThing"));
  }

  @Test
  void containerWithNameAndImageGetsEmptyResources() {
    assertEquals(q("{'name':'a','image':'busybox','resources':{}}"),
        norm("v1.Container", j("{'image':'busybox','name':'a'}")));
    assertEquals(List.of(), problems);
  }

  @Test
  void volumeMountReadOnlyFalseIsDroppedButTrueKept() {
    assertEquals(q("[{'name':'a','mountPath':'/a'},{'name':'b','readOnly':true,'mountPath':'/b'}]"),
        norm("[]v1.VolumeMount", j("[{'name':'a','mountPath':'/a','readOnly':false},"
            + "{'mountPath':'/b','name':'b','readOnly':true}]")));
  }

  @Test
  void envValueEmptyStringIsDroppedAndSelectorsKeepAlwaysPresentFields() {
    assertEquals(q("[{'name':'A'},{'name':'B','valueFrom':{'secretKeyRef':{'name':'s','key':'','optional':false}}},"
            + "{'name':'C','valueFrom':{'fieldRef':{'fieldPath':''}}}]"),
        norm("[]v1.EnvVar", j("[{'name':'A','value':''},"
            + "{'name':'B','valueFrom':{'secretKeyRef':{'optional':false,'name':'s'}}},"
            + "{'name':'C','valueFrom':{'fieldRef':{}}}]")));
  }

  @Test
  void securityContextPointerFieldsKeepExplicitZeroValues() {
    assertEquals(q("{'capabilities':{'drop':['ALL']},'runAsUser':0,'readOnlyRootFilesystem':false,"
            + "'allowPrivilegeEscalation':false,'seccompProfile':{'type':''}}"),
        norm("v1.SecurityContext", j("{'readOnlyRootFilesystem':false,'allowPrivilegeEscalation':false,"
            + "'runAsUser':0,'capabilities':{'drop':['ALL'],'add':[]},'seccompProfile':{}}")));
  }

  @Test
  void unknownAndMisspelledFieldsAreReportedAndDropped() {
    String out = norm("[]v1.Container", j("[{'name':'a'},{'name':'b','imagePullPolcy':'Always',"
        + "'volumeMounts':[{'name':'v','mountPath':'/v'},{'name':'w','mountpath':'/w','bogus':1}]}]"));
    assertEquals(q("[{'name':'a','resources':{}},{'name':'b','resources':{},"
        + "'volumeMounts':[{'name':'v','mountPath':'/v'},{'name':'w','mountPath':''}]}]"), out);
    assertEquals(List.of("unknown /1 imagePullPolcy", "unknown /1/volumeMounts/1 mountpath",
        "unknown /1/volumeMounts/1 bogus"), problems);
  }

  @Test
  void secretVolumeKeepsDefaultModeAndOptionalFalseAfterTheInlinedName() {
    assertEquals(q("{'name':'certs','secret':{'secretName':'tls','defaultMode':420,'optional':false}}"),
        norm("v1.Volume", j("{'secret':{'optional':false,'defaultMode':420,'secretName':'tls'},'name':'certs'}")));
  }

  @Test
  void tolerationSecondsZeroIsKept() {
    assertEquals(q("{'key':'k','operator':'Exists','effect':'NoExecute','tolerationSeconds':0}"),
        norm("v1.Toleration", j("{'key':'k','operator':'Exists','value':'','effect':'NoExecute',"
            + "'tolerationSeconds':0}")));
  }

  @Test
  void containerPortWithoutContainerPortGetsZero() {
    assertEquals(q("[{'name':'http','containerPort':0}]"),
        norm("[]v1.ContainerPort", j("[{'name':'http','hostPort':0}]")));
  }

  @Test
  void wrongJsonTypesAreReportedInvalidAndDropped() {
    String out = norm("v1.Container", j("{'name':'a','ports':[{'containerPort':'8080'},{'containerPort':80.0}],"
        + "'stdin':'true','args':['x',1],'env':{'A':'b'}}"));
    assertEquals(q("{'name':'a','args':['x'],'ports':[{'containerPort':0},{'containerPort':0}],'resources':{}}"), out);
    assertEquals(5, problems.size(), problems::toString);
    assertTrue(problems.contains("invalid /ports/0/containerPort json: cannot unmarshal string into Go value of type int"));
    assertTrue(problems.contains("invalid /ports/1/containerPort json: cannot unmarshal number 80.0 into Go value of type int"));
    assertTrue(problems.contains("invalid /stdin json: cannot unmarshal string into Go value of type bool"));
    assertTrue(problems.contains("invalid /args/1 json: cannot unmarshal number 1 into Go value of type string"));
    assertTrue(problems.contains("invalid /env json: cannot unmarshal object into Go value of type []v1.EnvVar"));
  }

  @Test
  void resourceQuantitiesAreCanonicalised() {
    JsonNode in = yaml("limits:\n  cpu: 3000m\n  memory: 1024Mi\n  nvidia.com/gpu: 1\n"
        + "requests:\n  cpu: 0.5\n  memory: 2.0\n");
    assertEquals(q("{'limits':{'cpu':'3','memory':'1Gi','nvidia.com/gpu':'1'},'requests':{'cpu':'500m','memory':'2'}}"),
        norm("v1.ResourceRequirements", in));
  }

  @Test
  void badQuantityIsReportedWithAnEscapedPointer() {
    assertEquals(q("{'limits':{'cpu':'1'}}"),
        norm("v1.ResourceRequirements", j("{'limits':{'cpu':'1','example.com/gpu':'lots'}}")));
    assertEquals(List.of("invalid /limits/example.com~1gpu " + GoQuantity.FORMAT_ERROR), problems);
  }

  @Test
  void emptyDirSizeLimitIsCanonicalised() {
    assertEquals(q("{'name':'tmp','emptyDir':{'sizeLimit':'1Gi'}}"),
        norm("v1.Volume", j("{'name':'tmp','emptyDir':{'sizeLimit':'1024Mi','medium':''}}")));
  }

  @Test
  void intOrStringKeepsItsKindAndAbsentPortIsZero() {
    assertEquals(q("{'httpGet':{'path':'/healthz','port':8080},'periodSeconds':5}"),
        norm("v1.Probe", j("{'httpGet':{'port':8080,'path':'/healthz'},'periodSeconds':5}")));
    assertEquals(q("{'tcpSocket':{'port':'http'}}"), norm("v1.Probe", j("{'tcpSocket':{'port':'http'}}")));
    assertEquals(q("{'httpGet':{'port':0}}"), norm("v1.Probe", j("{'httpGet':{}}")));
    assertEquals(List.of(), problems);
  }

  @Test
  void nodeAffinityKeepsMatchExpressions() {
    JsonNode in = j("{'nodeAffinity':{'requiredDuringSchedulingIgnoredDuringExecution':{'nodeSelectorTerms':"
        + "[{'matchExpressions':[{'key':'kubernetes.io/os','operator':'In','values':['linux']}]}]},"
        + "'preferredDuringSchedulingIgnoredDuringExecution':[{'weight':1,'preference':{}}]}}");
    assertEquals(q("{'nodeAffinity':{'requiredDuringSchedulingIgnoredDuringExecution':{'nodeSelectorTerms':"
        + "[{'matchExpressions':[{'key':'kubernetes.io/os','operator':'In','values':['linux']}]}]},"
        + "'preferredDuringSchedulingIgnoredDuringExecution':[{'weight':1,'preference':{}}]}}"),
        norm("v1.Affinity", in));
    assertEquals(q("{'requiredDuringSchedulingIgnoredDuringExecution':[{'topologyKey':''}]}"),
        norm("v1.PodAntiAffinity", j("{'requiredDuringSchedulingIgnoredDuringExecution':[{}]}")));
  }

  @Test
  void topologySpreadConstraintHasAlwaysPresentFields() {
    assertEquals(q("[{'maxSkew':0,'topologyKey':'zone','whenUnsatisfiable':''}]"),
        norm("[]v1.TopologySpreadConstraint", j("[{'topologyKey':'zone'}]")));
  }

  @Test
  void goldenExtraContainerIsAFixedPoint() {
    JsonNode in = j("{'args':['-c','/etc/envoy/envoy.yaml'],'image':'envoyproxy/envoy:v1.30.0','name':'token-proxy',"
        + "'ports':[{'containerPort':9901,'name':'admin'}],'resources':{'limits':{'cpu':'200m','memory':'128Mi'},"
        + "'requests':{'cpu':'50m','memory':'64Mi'}}}");
    JsonNode once = shape.normalize("v1.Container", in, recorder);
    assertEquals(in, once);
    assertEquals(once.toString(), shape.normalize("v1.Container", once, recorder).toString());
    assertEquals(List.of(), problems);
  }

  @Test
  void inputIsNeverMutated() {
    JsonNode in = j("{'name':'a','env':[{'name':'X','value':''}],'resources':{'limits':{'cpu':'3000m'}},'x':1}");
    JsonNode copy = in.deepCopy();
    shape.normalize("v1.Container", in, recorder);
    assertEquals(copy, in);
  }

  @Test
  void nullMeansAbsent() {
    assertEquals(q("{'name':'a','resources':{}}"),
        norm("v1.Container", j("{'name':'a','env':null,'securityContext':null,'resources':null,'image':null}")));
    assertEquals("null", norm("[]v1.EnvVar", null));
    assertEquals(List.of(), problems);
  }

  @Test
  void emptyListsAndMapsAreOmittedOnlyWhenOmitempty() {
    assertEquals(q("{'metadata':{},'spec':{'containers':[]}}"),
        norm("v1.PodTemplateSpec", j("{'metadata':{'labels':{}},'spec':{'containers':[],'volumes':[]}}")));
  }

  @Test
  void deploymentAndServiceGetGoZeroStructs() {
    assertEquals(q("{'metadata':{},'spec':{'selector':null,'template':{'metadata':{},'spec':{'containers':null}},"
        + "'strategy':{}},'status':{}}"), norm("apps/v1.Deployment", j("{}")));
    assertEquals(q("{'kind':'Service','apiVersion':'v1','metadata':{'name':'s'},'spec':{},"
        + "'status':{'loadBalancer':{}}}"),
        norm("v1.Service", j("{'apiVersion':'v1','kind':'Service','metadata':{'name':'s'}}")));
  }

  @Test
  void imagePullSecretsAndEnvFrom() {
    assertEquals(q("[{'name':'regcred'},{}]"), norm("[]v1.LocalObjectReference", j("[{'name':'regcred'},{'name':''}]")));
    assertEquals(q("[{'prefix':'P_','configMapRef':{'name':'cm'}}]"),
        norm("[]v1.EnvFromSource", j("[{'configMapRef':{'name':'cm','optional':null},'prefix':'P_'}]")));
  }

  @Test
  void podSecurityContextKeepsExplicitZeros() {
    assertEquals(q("{'runAsUser':1000,'runAsNonRoot':true,'fsGroup':0}"),
        norm("v1.PodSecurityContext", j("{'fsGroup':0,'runAsNonRoot':true,'runAsUser':1000,'supplementalGroups':[]}")));
  }

  @Test
  void nonObjectInputForAStructIsInvalidAndYieldsTheZeroValue() {
    assertEquals(q("{'name':'','resources':{}}"), norm("v1.Container", j("'busybox'")));
    assertEquals(List.of("invalid  json: cannot unmarshal string into Go value of type v1.Container"), problems);
  }

  @Test
  void unknownTypeNameIsAProgrammingError() {
    assertThrows(IllegalArgumentException.class, () -> shape.normalize("v1.Nope", j("{}"), recorder));
  }
}
