// C++: templates and inline functions (COMDATs), static locals in inline functions, virtual
// classes (vtables: function pointers in data), global objects with constructors and
// destructors, and the standard library (vector, string, map, algorithm).
#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

template <typename T> T total(const std::vector<T> &v) {
  T s{};
  for (const auto &x : v) s += x;
  return s;
}

inline int next_id() {
  static int id = 100;
  return ++id;
}

struct Shape {
  virtual ~Shape() = default;
  virtual double area() const = 0;
  virtual const char *name() const { return "shape"; }
};
struct Rect : Shape {
  double w, h;
  Rect(double w, double h) : w(w), h(h) {}
  double area() const override { return w * h; }
  const char *name() const override { return "rect"; }
};
struct Circle : Shape {
  double r;
  explicit Circle(double r) : r(r) {}
  double area() const override { return 3.0 * r * r; }
};

struct Announcer {
  const char *what;
  explicit Announcer(const char *w) : what(w) { std::printf("construct %s\n", what); }
  ~Announcer() { std::printf("destroy %s\n", what); }
};
static Announcer first("first");
Announcer second("second");

template <int N> struct Fact { static constexpr long value = N * Fact<N - 1>::value; };
template <> struct Fact<0> { static constexpr long value = 1; };

int main() {
  std::vector<int> v{5, 3, 9, 1};
  std::sort(v.begin(), v.end());
  std::vector<double> d{0.5, 0.25};
  std::string s = "templ";
  s += "ates";
  std::map<std::string, int> m{{"one", 1}, {"two", 2}, {"three", 3}};
  std::vector<std::unique_ptr<Shape>> shapes;
  shapes.push_back(std::make_unique<Rect>(2, 3));
  shapes.push_back(std::make_unique<Circle>(1.5));
  std::printf("%s %d %.2f sorted %d..%d ids %d %d fact %ld\n", s.c_str(), total(v), total(d), v.front(), v.back(),
              next_id(), next_id(), Fact<10>::value);
  for (auto &kv : m) std::printf("%s=%d ", kv.first.c_str(), kv.second);
  std::printf("\n");
  for (auto &sh : shapes) std::printf("%s %.2f\n", sh->name(), sh->area());
  return 0;
}
