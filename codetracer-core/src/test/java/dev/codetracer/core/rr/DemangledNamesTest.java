package dev.codetracer.core.rr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names from signatures as {@code nm -C} prints them (lines taken from g++ 12 output). */
class DemangledNamesTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "main | main",
        "add | add",
        "ns::Foo::get() const | ns::Foo::get",
        "ns::Foo::Foo(int) | ns::Foo::Foo",
        "ns::Foo::operator()(int) | ns::Foo::operator()",
        "ns::Foo::operator bool() const | ns::Foo::operator bool",
        "ns::Foo::operator<(ns::Foo const&) const | ns::Foo::operator<",
        "operator new(unsigned long) | operator new",
        "Wide::operator unsigned long() const | Wide::operator unsigned long",
        "int ns::twice<int>(int) | ns::twice<int>",
        "unsigned long const& std::min<unsigned long>(unsigned long const&, unsigned long const&) | std::min<unsigned long>",
        "std::iterator_traits<char const*>::difference_type std::__distance<char const*>(char const*, char const*, std::random_access_iterator_tag) | std::__distance<char const*>",
        "(anonymous namespace)::hidden(char const*) | (anonymous namespace)::hidden",
        "util(std::vector<int, std::allocator<int> >&) | util",
        "main::{lambda(int)#1}::operator()(int) const | main::{lambda(int)#1}::operator()",
        "compute(int) [clone .constprop.0] | compute",
        "std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::_M_construct<char const*>(char const*, char const*, std::forward_iterator_tag)::_Guard::~_Guard() | std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::_M_construct<char const*>(char const*, char const*, std::forward_iterator_tag)::_Guard::~_Guard",
        "Holder::value() && | Holder::value",
      })
  void nameOf(String signature, String name) {
    assertThat(DemangledNames.nameOf(signature)).isEqualTo(name);
  }
}
